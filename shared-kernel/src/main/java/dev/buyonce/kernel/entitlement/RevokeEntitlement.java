package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order that bought the product was refunded; ownership through anything else is left alone. */
public record RevokeEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, UserId userId,
                                ProductId productId, OrderId orderId, Instant at) {

    public RevokeEntitlement(UserId userId, ProductId productId, OrderId orderId, Instant at) {
        this(EntitlementId.of(userId, productId), userId, productId, orderId, at);
    }
}
