package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** Owned through the paid order {@code orderId}, forever unless that order is refunded. */
public record EntitlementGranted(EntitlementId entitlementId, UserId userId, ProductId productId, OrderId orderId,
                                 Instant grantedAt) implements EntitlementEvent {
}
