package dev.buyonce.kernel.entitlement;

import java.time.Instant;
import java.util.List;

/** A batch of legacy purchases, recorded in one unit of work; re-importing a reference changes nothing. */
public record ImportPurchases(List<ImportedPurchase> purchases, Instant importedAt) {

    public ImportPurchases {
        purchases = List.copyOf(purchases);
    }
}
