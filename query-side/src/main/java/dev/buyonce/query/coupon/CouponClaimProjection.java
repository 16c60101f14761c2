package dev.buyonce.query.coupon;

import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimStatus;
import dev.buyonce.kernel.coupon.CouponClaimed;
import dev.buyonce.kernel.coupon.CouponRedeemed;
import dev.buyonce.kernel.coupon.CouponReturned;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.query.signal.ChangeSignals;
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

    CouponClaimProjection(ClaimRepository repository, ObjectProvider<ChangeSignals> signals) {
        this.repository = repository;
        this.signals = signals;
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
        ClaimEntity row = repository.findById(event.claimId().value()).orElse(null);
        if (row == null) {
            repository.save(claimed);
        } else if (row.advanceTo(sequence)) {
            row.overwriteWith(claimed);
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
        repository.findById(claimId.value()).filter(row -> row.advanceTo(sequence)).ifPresent(row -> {
            row.status = status.name();
            row.orderId = orderId == null ? null : orderId.value();
        });
    }

    /** A rebuild keeps the rows (reads go on) and marks them stale; replayed events then overwrite them in order. */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }
}
