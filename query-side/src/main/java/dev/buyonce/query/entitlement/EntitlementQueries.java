package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.EntitlementView;
import dev.buyonce.kernel.order.OrderId;
import org.springframework.stereotype.Component;

/**
 * "Does U own P?": one primary-key read of the view, which is written in the same transaction as the events
 * (so never behind an answered command). Nothing is cached, so no node can answer OWNED after a revocation;
 * the answer time does not depend on history.
 */
@Component
public class EntitlementQueries {
    private final EntitlementViewRepository repository;

    EntitlementQueries(EntitlementViewRepository repository) {
        this.repository = repository;
    }

    public EntitlementView find(UserId user, ProductId product) {
        return repository.findById(new EntitlementEntity.Key(user.value(), product.value()))
                .map(row -> new EntitlementView(product, EntitlementStatus.valueOf(row.status),
                        row.orderId == null ? null : new OrderId(row.orderId), row.since, row.reference))
                .orElseGet(() -> EntitlementView.none(product));
    }
}
