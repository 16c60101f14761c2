package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.EntitlementView;
import dev.buyonce.kernel.order.OrderId;
import org.springframework.stereotype.Component;

/** "Does U own P?": a cache hit, or one primary-key read; the answer time does not depend on history. */
@Component
public class EntitlementQueries {
    private final EntitlementViewRepository repository;
    private final OwnershipCache cache;

    EntitlementQueries(EntitlementViewRepository repository, OwnershipCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    public EntitlementView find(UserId user, ProductId product) {
        return cache.get(user, product).orElseGet(() -> {
            EntitlementView view = repository.findById(new EntitlementEntity.Key(user.value(), product.value()))
                    .map(row -> new EntitlementView(product, EntitlementStatus.valueOf(row.status),
                            row.orderId == null ? null : new OrderId(row.orderId), row.since, row.reference))
                    .orElseGet(() -> EntitlementView.none(product));
            cache.offer(user, view);
            return view;
        });
    }
}
