package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;

public record ClaimKeyRecorded(ClaimKeyId keyId, UserId userId, CouponId couponId, ClaimId claimId, Instant at) {
}
