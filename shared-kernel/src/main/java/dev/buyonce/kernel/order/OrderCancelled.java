package dev.buyonce.kernel.order;

import dev.buyonce.kernel.UserId;
import java.time.Instant;

public record OrderCancelled(OrderId orderId, UserId userId, CancellationReason reason, Instant cancelledAt) {
}
