package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;

/** An event of one user's entitlement to one product: what the views key their rows by. */
public interface EntitlementEvent {

    EntitlementId entitlementId();

    UserId userId();

    ProductId productId();
}
