package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponId;
import java.util.Map;

/** A coupon id is defined once; a different definition under the same id is refused. */
public class CouponConflict extends RuleViolation {
    public CouponConflict(CouponId couponId) {
        super(ErrorCode.COUPON_CONFLICT, "coupon " + couponId + " is already defined differently",
                Map.of("couponId", couponId.value()));
    }
}
