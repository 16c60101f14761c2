package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/**
 * What an order needs from entitlements, inside the order's own unit of work: reserving fails the whole
 * order ({@link AlreadyOwned}, {@link PurchasePending}); releasing is idempotent.
 */
public interface EntitlementReservations {

    void reserve(UserId user, ProductId product, OrderId orderId, Instant at);

    void release(UserId user, ProductId product, OrderId orderId, Instant at);
}
