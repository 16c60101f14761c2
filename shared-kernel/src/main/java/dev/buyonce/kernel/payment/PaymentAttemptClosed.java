package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record PaymentAttemptClosed(OrderId orderId, PaymentId paymentId, Instant closedAt) {
}
