package dev.buyonce.kernel.coupon;

import java.time.Instant;

/** A coupon came to be; its stock is split over {@code buckets} stock aggregates (see {@link #share}). */
public record CouponDefined(CouponId couponId, String name, CouponDiscount discount, int stock, int buckets,
                            Instant validFrom, Instant validUntil) {

    /** The units of stock bucket {@code bucket} (0-based): an even split, the first buckets one more each. */
    public int share(int bucket) {
        return CouponView.share(stock, buckets, bucket);
    }
}
