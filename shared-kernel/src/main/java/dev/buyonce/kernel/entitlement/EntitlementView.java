package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/**
 * Does the user own the product? {@code orderId} names the purchase or the pending order; an imported
 * purchase names its legacy {@code reference} instead.
 */
public record EntitlementView(ProductId productId, EntitlementStatus status, OrderId orderId, Instant since,
                              String reference) {

    public static EntitlementView none(ProductId productId) {
        return new EntitlementView(productId, EntitlementStatus.NONE, null, null, null);
    }
}
