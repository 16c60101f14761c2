package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** The paid payment is to be refunded at its provider; the order is REFUNDED once the provider confirms. */
public record OrderRefundRequested(OrderId orderId, UserId userId, PaymentId paymentId, String provider,
                                   RefundId refundId, Money amount, UserId requestedBy, Instant requestedAt) {
}
