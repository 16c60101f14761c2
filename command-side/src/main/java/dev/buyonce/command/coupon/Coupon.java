package dev.buyonce.command.coupon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.coupon.CouponDefined;
import dev.buyonce.kernel.coupon.CouponDefinition;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.kernel.coupon.CouponWithdrawn;
import dev.buyonce.kernel.coupon.DefineCoupon;
import dev.buyonce.kernel.coupon.WithdrawCoupon;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A coupon's definition, immutable once made (the same definition again is a no-op, another is refused), and its
 * withdrawal. Its stock lives in {@link CouponStockBucket}s, never here, so claims do not queue on this aggregate.
 */
@AggregateRoot
public class Coupon {
    /** Stock buckets per coupon (fewer when the stock is smaller, so that none starts empty). */
    static final int STOCK_BUCKETS = 16;

    /** {@link dev.buyonce.kernel.coupon.CouponId#aggregateId()}: coupons have an id space of their own. */
    @AggregateIdentifier
    private String aggregateId;
    private CouponDefined definition;
    private Instant withdrawnAt;

    Coupon() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CouponDefinition handle(DefineCoupon command) {
        if (command.stock() < 1 || !command.validFrom().isBefore(command.validUntil())) {
            throw new IllegalArgumentException("a coupon needs stock and validFrom before validUntil");
        }
        CouponDefined wanted = new CouponDefined(command.couponId(), command.name(), command.discount(), command.stock(),
                Math.min(STOCK_BUCKETS, command.stock()), command.validFrom(), command.validUntil());
        if (definition == null) {
            apply(wanted);
            return CouponDefinition.CREATED;
        }
        if (definition.equals(wanted)) {
            return CouponDefinition.UNCHANGED;
        }
        throw new CouponConflict(command.couponId());
    }

    /** Withdraws the coupon; withdrawing again answers the same. An unknown coupon is not found (no creation policy). */
    @CommandHandler
    CouponView handle(WithdrawCoupon command) {
        if (withdrawnAt == null) {
            apply(new CouponWithdrawn(command.couponId(), command.at()));
        }
        return new CouponView(definition.couponId(), definition.name(), definition.discount(), definition.stock(),
                definition.buckets(), definition.validFrom(), definition.validUntil(), withdrawnAt);
    }

    @EventSourcingHandler
    void on(CouponDefined event) {
        this.aggregateId = event.couponId().aggregateId();
        this.definition = event;
    }

    @EventSourcingHandler
    void on(CouponWithdrawn event) {
        this.withdrawnAt = event.at();
    }
}
