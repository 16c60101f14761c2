package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order that reserved the product was paid: the user owns it. Owning it already is a no-op. */
public record GrantEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, UserId userId,
                               ProductId productId, OrderId orderId, Instant at) {

    public GrantEntitlement(UserId userId, ProductId productId, OrderId orderId, Instant at) {
        this(EntitlementId.of(userId, productId), userId, productId, orderId, at);
    }
}
