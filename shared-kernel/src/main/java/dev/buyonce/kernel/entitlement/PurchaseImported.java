package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import java.time.Instant;

/** A purchase from the legacy system: owned since {@code purchasedAt}, whatever that date is. */
public record PurchaseImported(EntitlementId entitlementId, UserId userId, ProductId productId, String reference,
                               Instant purchasedAt, Instant importedAt) implements EntitlementEvent {
}
