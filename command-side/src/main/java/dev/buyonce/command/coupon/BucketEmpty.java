package dev.buyonce.command.coupon;

import dev.buyonce.kernel.coupon.CouponId;

/**
 * A stock bucket had no unit left. Never answered to a client: the claim edge remembers the bucket as empty (it
 * never fills again) and tries the claim again on the next bucket, in a unit of work of its own.
 */
public class BucketEmpty extends RuntimeException {
    private final CouponId couponId;
    private final int bucket;

    public BucketEmpty(CouponId couponId, int bucket) {
        super("stock bucket " + bucket + " of coupon " + couponId + " is empty", null, false, false);
        this.couponId = couponId;
        this.bucket = bucket;
    }

    public CouponId couponId() {
        return couponId;
    }

    public int bucket() {
        return bucket;
    }
}
