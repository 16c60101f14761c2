package dev.buyonce.query.coupon;

import dev.buyonce.kernel.coupon.CouponDefined;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.kernel.coupon.CouponWithdrawn;
import dev.buyonce.query.signal.ChangeSignals;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps coupon_view in the same transaction as the definition or withdrawal (a subscribing processor); once that
 * has committed, this node's in-memory set ({@link ClaimableCoupons}) holds it before the command answers, and
 * every other node is told to re-read it.
 */
@Component
@ProcessingGroup(CouponProjection.GROUP)
class CouponProjection {
    static final String GROUP = "coupons";
    private final CouponRepository repository;
    private final ClaimableCoupons coupons;
    private final ObjectProvider<ChangeSignals> signals;

    CouponProjection(CouponRepository repository, ClaimableCoupons coupons, ObjectProvider<ChangeSignals> signals) {
        this.repository = repository;
        this.coupons = coupons;
        this.signals = signals;
    }

    /** A definition never changes once made: seen again (redelivered, replayed), it leaves the row (and a withdrawal) alone. */
    @EventHandler
    void on(CouponDefined event) {
        if (repository.existsById(event.couponId().value())) {
            return;
        }
        var discount = event.discount();
        CouponEntity row = repository.save(new CouponEntity(event.couponId().value(), event.name(),
                discount.amount() == null ? null : discount.amount().amount(),
                discount.amount() == null ? null : discount.amount().currency(), discount.percent(), event.stock(),
                event.buckets(), event.validFrom(), event.validUntil()));
        announce(row);
    }

    @EventHandler
    void on(CouponWithdrawn event) {
        repository.findById(event.couponId().value()).ifPresent(row -> {
            row.withdrawnAt = event.at();
            announce(row);
        });
    }

    /** Once committed, this node's claimable set holds the coupon as it is now, and the other nodes are told. */
    private void announce(CouponEntity row) {
        CouponView view = ClaimableCoupons.toView(row);
        ChangeSignals.afterCommit(() -> {
            coupons.put(view);
            signals.getObject().announce(ClaimableCoupons.TOPIC, view.couponId().value());
        });
    }
}
