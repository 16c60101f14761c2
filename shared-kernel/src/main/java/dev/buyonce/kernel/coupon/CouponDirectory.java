package dev.buyonce.kernel.coupon;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where the claim edge finds a coupon. The query side implements it in memory on every node, so an unknown,
 * withdrawn, not-yet-valid or expired coupon is refused with no database round trip.
 */
public interface CouponDirectory {

    /** The coupon if it can be claimed at {@code now}; empty for every other case alike. */
    Optional<CouponView> claimable(CouponId couponId, Instant now);

    /**
     * Stock buckets known to be empty from committed claims. A bucket never fills again, so this may lag but is
     * never wrong: skipping these never makes a coupon look sold out early.
     */
    Set<Integer> emptyBuckets(CouponId couponId);
}
