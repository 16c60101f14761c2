package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record EntitlementReservationReleased(EntitlementId entitlementId, UserId userId, ProductId productId,
                                             OrderId orderId, Instant releasedAt) implements EntitlementEvent {
}
