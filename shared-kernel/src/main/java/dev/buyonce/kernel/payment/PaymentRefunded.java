package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record PaymentRefunded(OrderId orderId, PaymentId paymentId, RefundId refundId, Money amount,
                              Instant refundedAt) {
}
