package dev.buyonce.command.coupon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.coupon.CouponStockTaken;
import dev.buyonce.kernel.coupon.StockBucketId;
import dev.buyonce.kernel.coupon.TakeCouponStock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One share of a coupon's stock, keyed by (coupon, bucket number). A rush spreads over the buckets instead of
 * queueing on one row; the event store's unique (aggregate id, sequence) key makes each unit go to one claim only.
 * A bucket with no events is full: it comes into being with its first unit taken.
 */
@AggregateRoot
public class CouponStockBucket {
    @AggregateIdentifier
    private StockBucketId bucketId;
    private int taken;

    CouponStockBucket() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TakeCouponStock command) {
        if (taken >= command.share()) {
            throw new BucketEmpty(command.couponId(), command.bucket());
        }
        apply(new CouponStockTaken(command.bucketId(), command.couponId(), command.bucket(), command.claimId(), command.at()));
    }

    @EventSourcingHandler
    void on(CouponStockTaken event) {
        this.bucketId = event.bucketId();
        this.taken++;
    }
}
