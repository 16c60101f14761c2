package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;

/** A user claimed a coupon; {@code bucket} is the stock bucket it took its unit from. */
public record CouponClaimed(ClaimId claimId, CouponId couponId, UserId userId, ClaimKeyId keyId, int bucket,
                            CouponDiscount discount, Instant validUntil, Instant claimedAt) {
}
