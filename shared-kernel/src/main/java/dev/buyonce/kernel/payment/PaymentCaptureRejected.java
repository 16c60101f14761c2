package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** Money was captured that the order does not keep: the payment saga refunds it. */
public record PaymentCaptureRejected(OrderId orderId, PaymentId paymentId, String provider, Money amount,
                                     CaptureRejection reason, Instant at) {
}
