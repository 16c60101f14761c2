package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import java.util.Map;

/** Another live or paid order holds the user's claim. */
public class CouponAlreadyUsed extends RuleViolation {
    public CouponAlreadyUsed(CouponId couponId, OrderId orderId) {
        super(ErrorCode.COUPON_ALREADY_USED, "coupon " + couponId + " is used by order " + orderId,
                Map.of("couponId", couponId.value(), "orderId", orderId.toString()));
    }
}
