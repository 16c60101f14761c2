package dev.buyonce.query.coupon;

import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimStatus;
import dev.buyonce.kernel.coupon.CouponClaimed;
import dev.buyonce.kernel.coupon.CouponRedeemed;
import dev.buyonce.kernel.coupon.CouponReturned;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.query.SetBasedReplay;
import dev.buyonce.query.signal.ChangeSignals;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The claims a user lists, written in the claim's (or the order's) own transaction, so a claim just answered is
 * listed at once on every node. Idempotent: each row remembers the last event sequence it applied. A committed
 * claim is announced, so every node counts the coupon's remaining stock again (off the claim's path).
 */
@Component
@ProcessingGroup(CouponClaimProjection.GROUP)
class CouponClaimProjection {
    static final String GROUP = "coupon-claims";
    private final ClaimRepository repository;
    private final ObjectProvider<ChangeSignals> signals;
    private final ClaimReplayBatch rebuild;

    CouponClaimProjection(ClaimRepository repository, ObjectProvider<ChangeSignals> signals, ClaimReplayBatch rebuild) {
        this.repository = repository;
        this.signals = signals;
        this.rebuild = rebuild;
    }

    @EventHandler
    void on(CouponClaimed event, @SequenceNumber long sequence) {
        ClaimEntity claimed = new ClaimEntity(event.claimId().value(), event.couponId().value(), event.userId().value(),
                event.bucket(), ClaimStatus.CLAIMED.name(), event.claimedAt(), event.validUntil(), sequence);
        if (CurrentUnitOfWork.isStarted()) {
            // live, in the claim's own unit of work: the claim is new, so is its row (no read first)
            repository.save(claimed);
            String couponId = event.couponId().value();
            ChangeSignals.afterCommit(() -> signals.getObject().announce(CouponStock.TOPIC, couponId));
            return;
        }
        // a rebuild (or a test) applies it outside any unit of work: the row may be there, stale
        SetBasedReplay.Rows<UUID, ClaimEntity> batch = rebuild.open();
        ClaimEntity row = row(batch, event.claimId());
        if (row == null) {
            if (batch != null) {
                batch.add(claimed);
            } else {
                repository.save(claimed);
            }
        } else if (row.advanceTo(sequence)) {
            row.overwriteWith(claimed);
            changed(batch, row);
        }
    }

    @EventHandler
    void on(CouponRedeemed event, @SequenceNumber long sequence) {
        change(event.claimId(), sequence, ClaimStatus.USED, event.orderId());
    }

    @EventHandler
    void on(CouponReturned event, @SequenceNumber long sequence) {
        change(event.claimId(), sequence, ClaimStatus.CLAIMED, null);
    }

    private void change(ClaimId claimId, long sequence, ClaimStatus status, OrderId orderId) {
        SetBasedReplay.Rows<UUID, ClaimEntity> batch = rebuild.open();
        ClaimEntity row = row(batch, claimId);
        if (row != null && row.advanceTo(sequence)) {
            row.status = status.name();
            row.orderId = orderId == null ? null : orderId.value();
            changed(batch, row);
        }
    }

    /** The claim's row: the one the rebuild batch open on this thread holds, or else the table's (JPA); null if none. */
    private ClaimEntity row(SetBasedReplay.Rows<UUID, ClaimEntity> batch, ClaimId claimId) {
        return batch != null ? batch.get(claimId.value()) : repository.findById(claimId.value()).orElse(null);
    }

    /** A changed row of a rebuild batch is written back with it; JPA writes a changed row of the table itself. */
    private static void changed(SetBasedReplay.Rows<UUID, ClaimEntity> batch, ClaimEntity row) {
        if (batch != null) {
            batch.changed(row);
        }
    }

    /** A rebuild keeps the rows (reads go on) and marks them stale; replayed events then overwrite them in order. */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }
}
