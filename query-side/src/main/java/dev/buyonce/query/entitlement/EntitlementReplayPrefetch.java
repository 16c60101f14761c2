package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementEvent;
import dev.buyonce.query.admin.ReplayPrefetch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * A rebuild of the entitlement view loads the rows of a batch's (user, product) pairs in one query (users × products,
 * a superset when the batch holds several products), so {@link EntitlementProjection} finds each row already loaded
 * in the transaction instead of reading it first.
 */
@Component
class EntitlementReplayPrefetch implements ReplayPrefetch {
    private final EntitlementViewRepository repository;

    EntitlementReplayPrefetch(EntitlementViewRepository repository) {
        this.repository = repository;
    }

    @Override
    public String view() {
        return EntitlementProjection.GROUP;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        Set<String> users = new HashSet<>();
        Set<String> products = new HashSet<>();
        for (EventMessage<?> event : batch) {
            if (event.getPayload() instanceof EntitlementEvent entitlement) {
                users.add(entitlement.userId().value());
                products.add(entitlement.productId().value());
            }
        }
        if (!users.isEmpty()) {
            repository.findAmong(users, products);
        }
    }
}
