package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One claim request, handled in one unit of work: the key, the claim, the user's daily allowance and one stock
 * bucket. {@code bucket} is the bucket to take from, or null when every bucket is known to be empty (then a new
 * claim is SOLD_OUT, while a replay or an existing claim is still answered as such).
 */
public record ClaimCoupon(ClaimKeyId keyId, ClaimId claimId, CouponId couponId, UserId userId, Integer bucket,
                          int bucketShare, CouponDiscount discount, Instant validUntil, int dailyLimit,
                          Instant claimedAt) {

    public LocalDate day() {
        return claimedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
