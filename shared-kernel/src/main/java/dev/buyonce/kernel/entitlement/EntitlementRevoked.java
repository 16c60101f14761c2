package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** The purchase through {@code orderId} was refunded: the user no longer owns the product and may buy it again. */
public record EntitlementRevoked(EntitlementId entitlementId, UserId userId, ProductId productId, OrderId orderId,
                                 Instant revokedAt) implements EntitlementEvent {
}
