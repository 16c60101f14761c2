package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponId;
import java.util.Map;

/** Every unit of the coupon's stock is claimed (every stock bucket is empty). */
public class CouponSoldOut extends RuleViolation {
    public CouponSoldOut(CouponId couponId) {
        super(ErrorCode.COUPON_SOLD_OUT, "coupon " + couponId + " is sold out", Map.of("couponId", couponId.value()));
    }
}
