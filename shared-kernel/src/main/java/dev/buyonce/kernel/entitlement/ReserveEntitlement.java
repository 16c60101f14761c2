package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds the right to buy a permanent product for one live order; the same order again is a no-op. */
public record ReserveEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, UserId userId,
                                 ProductId productId, OrderId orderId, Instant at) {

    public ReserveEntitlement(UserId userId, ProductId productId, OrderId orderId, Instant at) {
        this(EntitlementId.of(userId, productId), userId, productId, orderId, at);
    }
}
