package dev.buyonce.kernel.entitlement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one legacy purchase; a known reference or a product already owned changes nothing. */
public record ImportPurchase(@TargetAggregateIdentifier EntitlementId entitlementId, ImportedPurchase purchase,
                             Instant importedAt) {

    public ImportPurchase(ImportedPurchase purchase, Instant importedAt) {
        this(EntitlementId.of(purchase.userId(), purchase.productId()), purchase, importedAt);
    }
}
