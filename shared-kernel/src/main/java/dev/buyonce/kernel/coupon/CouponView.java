package dev.buyonce.kernel.coupon;

import java.time.Instant;

/** A coupon's definition as every node holds it in memory; {@code withdrawnAt} is null while it is not withdrawn. */
public record CouponView(CouponId couponId, String name, CouponDiscount discount, int stock, int buckets,
                         Instant validFrom, Instant validUntil, Instant withdrawnAt) {

    /** Claimable at {@code now}: not withdrawn, and {@code validFrom <= now < validUntil}. */
    public boolean claimableAt(Instant now) {
        return withdrawnAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    public int share(int bucket) {
        return share(stock, buckets, bucket);
    }

    static int share(int stock, int buckets, int bucket) {
        return stock / buckets + (bucket < stock % buckets ? 1 : 0);
    }
}
