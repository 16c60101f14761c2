package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponId;
import java.util.Map;

/** The claim cannot discount this order: the coupon expired, or its amount is larger than the order (or in another currency). */
public class CouponNotApplicable extends RuleViolation {
    public CouponNotApplicable(CouponId couponId, String why) {
        super(ErrorCode.COUPON_NOT_APPLICABLE, "coupon " + couponId + " does not apply: " + why,
                Map.of("couponId", couponId.value()));
    }
}
