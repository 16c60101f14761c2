package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;

/** Unknown, withdrawn, not yet valid or expired: one answer for all, naming nothing, so a guess learns nothing. */
public class CouponNotFound extends RuleViolation {
    public CouponNotFound() {
        super(ErrorCode.COUPON_NOT_FOUND, "no such coupon can be claimed");
    }
}
