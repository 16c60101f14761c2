package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import java.time.Instant;

/** One validated line of a legacy purchase import. */
public record ImportedPurchase(UserId userId, ProductId productId, Instant purchasedAt, String reference) {
}
