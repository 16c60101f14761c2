package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** A live unpaid order holds the only right to buy this permanent product. */
public record EntitlementReserved(EntitlementId entitlementId, UserId userId, ProductId productId, OrderId orderId,
                                  Instant reservedAt) implements EntitlementEvent {
}
