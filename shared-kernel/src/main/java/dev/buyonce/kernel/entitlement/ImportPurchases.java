package dev.buyonce.kernel.entitlement;

import java.time.Instant;
import java.util.List;

/**
 * A batch of legacy purchases, recorded in one unit of work; re-importing a reference changes nothing.
 * {@code assumeNew}: create the entitlements without reading their history first. If any of them exists
 * after all, the event store's unique key refuses the whole batch, which is then sent again without it.
 */
public record ImportPurchases(List<ImportedPurchase> purchases, Instant importedAt, boolean assumeNew) {

    public ImportPurchases {
        purchases = List.copyOf(purchases);
    }
}
