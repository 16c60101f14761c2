package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.CouponId;
import java.util.Map;

/** The user claimed this coupon before, under another Idempotency-Key: one claim per user and coupon, ever. */
public class CouponAlreadyClaimed extends RuleViolation {
    public CouponAlreadyClaimed(CouponId couponId, ClaimId claimId) {
        super(ErrorCode.COUPON_ALREADY_CLAIMED, "you already claimed coupon " + couponId,
                Map.of("couponId", couponId.value(), "claimId", claimId.toString()));
    }
}
