package dev.buyonce.query.coupon;

import dev.buyonce.kernel.coupon.CouponDefined;
import dev.buyonce.kernel.coupon.CouponWithdrawn;
import dev.buyonce.query.signal.ChangeSignals;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps coupon_view in the same transaction as the definition or withdrawal (a subscribing processor); once that
 * has committed, every node is told to re-read the coupon into its in-memory set ({@link ClaimableCoupons}), this
 * node before the command answers.
 */
@Component
@ProcessingGroup(CouponProjection.GROUP)
class CouponProjection {
    static final String GROUP = "coupons";
    private final CouponRepository repository;
    private final ObjectProvider<ChangeSignals> signals;

    CouponProjection(CouponRepository repository, ObjectProvider<ChangeSignals> signals) {
        this.repository = repository;
        this.signals = signals;
    }

    /** A definition never changes once made: seen again (redelivered, replayed), it leaves the row (and a withdrawal) alone. */
    @EventHandler
    void on(CouponDefined event) {
        if (repository.existsById(event.couponId().value())) {
            return;
        }
        var discount = event.discount();
        repository.save(new CouponEntity(event.couponId().value(), event.name(),
                discount.amount() == null ? null : discount.amount().amount(),
                discount.amount() == null ? null : discount.amount().currency(), discount.percent(), event.stock(),
                event.buckets(), event.validFrom(), event.validUntil()));
        announce(event.couponId().value());
    }

    @EventHandler
    void on(CouponWithdrawn event) {
        repository.findById(event.couponId().value()).ifPresent(row -> row.withdrawnAt = event.at());
        announce(event.couponId().value());
    }

    private void announce(String couponId) {
        ChangeSignals.afterCommit(() -> signals.getObject().announce(ClaimableCoupons.TOPIC, couponId));
    }
}
