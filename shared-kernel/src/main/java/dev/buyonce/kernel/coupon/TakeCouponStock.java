package dev.buyonce.kernel.coupon;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes one unit of a stock bucket holding {@code share} units for a claim. */
public record TakeCouponStock(@TargetAggregateIdentifier StockBucketId bucketId, CouponId couponId, int bucket,
                              int share, ClaimId claimId, Instant at) {

    public TakeCouponStock(CouponId couponId, int bucket, int share, ClaimId claimId, Instant at) {
        this(StockBucketId.of(couponId, bucket), couponId, bucket, share, claimId, at);
    }
}
