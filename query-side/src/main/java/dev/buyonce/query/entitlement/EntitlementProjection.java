package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The permanent-ownership view: one row per (user, product). All events of one entitlement come from one
 * aggregate, so they arrive in order on one segment; the row's last sequence makes redelivery harmless.
 */
@Component
@ProcessingGroup(EntitlementProjection.GROUP)
class EntitlementProjection {
    static final String GROUP = "entitlements";
    private final EntitlementViewRepository repository;
    private final OwnershipCache cache;

    EntitlementProjection(EntitlementViewRepository repository, OwnershipCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    @EventHandler
    void on(EntitlementReserved event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            row.status = EntitlementStatus.PENDING.name();
            row.orderId = event.orderId().value();
            row.since = event.reservedAt();
        });
    }

    @EventHandler
    void on(EntitlementReservationReleased event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            row.status = EntitlementStatus.NONE.name();
            row.orderId = null;
            row.since = null;
        });
    }

    @EventHandler
    void on(PurchaseImported event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            row.status = EntitlementStatus.OWNED.name();
            row.orderId = null;
            row.since = event.purchasedAt();
            row.reference = event.reference();
        });
    }

    private void change(UserId user, ProductId product, long sequence, Consumer<EntitlementEntity> change) {
        EntitlementEntity.Key key = new EntitlementEntity.Key(user.value(), product.value());
        EntitlementEntity row = repository.findById(key).orElseGet(() -> EntitlementEntity.create(key));
        if (!row.advanceTo(sequence)) {
            return;
        }
        change.accept(row);
        if (row.isNew()) {
            repository.save(row);
        }
        cache.evict(user, product);
    }

    /**
     * A rebuild keeps the rows, so "does U own P?" goes on answering (and the OWNED cache stays warm), and
     * marks them stale: replayed events then overwrite every row in order.
     */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }
}
