package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponId;
import java.util.Map;

/** An order named a coupon the user holds no claim of. */
public class CouponNotClaimed extends RuleViolation {
    public CouponNotClaimed(CouponId couponId) {
        super(ErrorCode.COUPON_NOT_CLAIMED, "you hold no claim of coupon " + couponId, Map.of("couponId", couponId.value()));
    }
}
