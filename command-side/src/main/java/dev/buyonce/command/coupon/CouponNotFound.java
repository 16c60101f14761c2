package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;

/** Unknown, withdrawn, not yet valid or expired: one answer for all, naming nothing, so a guess learns nothing. */
public class CouponNotFound extends RuleViolation {
    /** The one detail of this answer, wherever it is given. */
    public static final String DETAIL = "no such coupon can be claimed";

    public CouponNotFound() {
        super(ErrorCode.COUPON_NOT_FOUND, DETAIL);
    }
}
