package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives up the reservation {@code orderId} holds; anything else (never held, already released) is a no-op. */
public record ReleaseEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, UserId userId,
                                 ProductId productId, OrderId orderId, Instant at) {

    public ReleaseEntitlement(UserId userId, ProductId productId, OrderId orderId, Instant at) {
        this(EntitlementId.of(userId, productId), userId, productId, orderId, at);
    }
}
