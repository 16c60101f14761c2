package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/**
 * What a paid or refunded order changes in entitlements, inside the order's own unit of work. Both are
 * idempotent: granting what is owned and revoking what is not owned through this order change nothing.
 */
public interface EntitlementOwnership {

    /** Whether the user owns the product through something other than this order (an imported purchase). */
    boolean ownedOtherwise(UserId user, ProductId product, OrderId orderId);

    void grant(UserId user, ProductId product, OrderId orderId, Instant at);

    void revoke(UserId user, ProductId product, OrderId orderId, Instant at);
}
