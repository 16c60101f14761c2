package dev.buyonce.kernel.entitlement;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import java.util.UUID;

/** One entitlement per (user, product), forever: the id is derived from the pair and nothing else. */
public record EntitlementId(UUID value) {

    public EntitlementId {
        if (value == null) {
            throw new IllegalArgumentException("entitlement id is required");
        }
    }

    public static EntitlementId of(UserId user, ProductId product) {
        return new EntitlementId(DeterministicIds.of("entitlement", user.value(), product.value()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
