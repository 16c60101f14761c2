package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record OrderRefunded(OrderId orderId, UserId userId, PaymentId paymentId, Money amount, Instant refundedAt) {
}
