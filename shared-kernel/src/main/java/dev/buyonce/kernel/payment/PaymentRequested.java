package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record PaymentRequested(OrderId orderId, PaymentId paymentId, UserId userId, String provider, String channel,
                               Money amount, Instant requestedAt) {
}
