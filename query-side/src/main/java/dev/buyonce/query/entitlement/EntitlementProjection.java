package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /** Ends the order's pending claim; a product owned meanwhile (imported while the order waited) stays owned. */
    @EventHandler
    void on(EntitlementReservationReleased event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            if (EntitlementStatus.PENDING.name().equals(row.status)) {
                row.status = EntitlementStatus.NONE.name();
                row.orderId = null;
                row.since = null;
            }
        });
    }

    @EventHandler
    void on(EntitlementGranted event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            row.status = EntitlementStatus.OWNED.name();
            row.orderId = event.orderId().value();
            row.since = event.grantedAt();
            row.reference = null;
        });
    }

    /** Evicts the cached OWNED answer with the row change (see {@link #change}): a revoked product is buyable again. */
    @EventHandler
    void on(EntitlementRevoked event, @SequenceNumber long sequence) {
        change(event.userId(), event.productId(), sequence, row -> {
            row.status = EntitlementStatus.NONE.name();
            row.orderId = null;
            row.since = null;
            row.reference = null;
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
        EntitlementEntity row = repository.findById(key).orElseGet(() -> new EntitlementEntity(key));
        if (!row.advanceTo(sequence)) {
            return;
        }
        change.accept(row);
        if (row.isNew()) {
            repository.save(row);
        }
        cache.evict(user, product);
        evictAgainAfterCommit(user, product);
    }

    /**
     * A reader between the eviction above and the commit still sees the old row and may cache its OWNED
     * answer; evicting once more after the commit keeps a revoked product from staying cached as owned.
     */
    private void evictAgainAfterCommit(UserId user, ProductId product) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.evict(user, product);
                }
            });
        }
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
