package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.query.SetBasedReplay;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The permanent-ownership view: one row per (user, product), written in the same transaction as the
 * entitlement's events (a subscribing processor), so an answered reservation, grant, import or revocation is
 * what the next read sees on every node. All events of one entitlement come from one aggregate, in order;
 * the row's last sequence makes redelivery (a replay) harmless.
 */
@Component
@ProcessingGroup(EntitlementProjection.GROUP)
class EntitlementProjection {
    static final String GROUP = "entitlements";
    private final EntitlementViewRepository repository;
    private final EntitlementReplayBatch rebuild;

    EntitlementProjection(EntitlementViewRepository repository, EntitlementReplayBatch rebuild) {
        this.repository = repository;
        this.rebuild = rebuild;
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

    /** A revoked product is NONE from the revoking transaction on: there is no cached OWNED to outlive it. */
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

    /**
     * Applies {@code change} to the row of (user, product) unless it has applied this event already: the row of the
     * rebuild batch open on this thread, written back with the batch, or else the table's row through JPA.
     */
    private void change(UserId user, ProductId product, long sequence, Consumer<EntitlementEntity> change) {
        EntitlementEntity.Key key = new EntitlementEntity.Key(user.value(), product.value());
        SetBasedReplay.Rows<EntitlementEntity.Key, EntitlementEntity> batch = rebuild.open();
        EntitlementEntity row = batch != null ? batch.getOrMake(key, EntitlementEntity::new)
                : repository.findById(key).orElseGet(() -> new EntitlementEntity(key));
        if (!row.advanceTo(sequence)) {
            return;
        }
        change.accept(row);
        if (batch != null) {
            batch.changed(row);
        } else if (row.isNew()) {
            repository.save(row);
        }
    }

    /**
     * A rebuild keeps the rows, so "does U own P?" goes on answering, and marks them stale: replayed events
     * then overwrite every row in order.
     */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }
}
