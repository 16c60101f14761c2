package dev.buyonce.command.coupon;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/**
 * What an order needs from the user's coupon claim, inside the order's own unit of work: redeeming fails the whole
 * order ({@link CouponNotClaimed}, {@link CouponAlreadyUsed}, {@link CouponNotApplicable}); giving back is idempotent.
 */
public interface CouponRedemptions {

    /** Marks the user's claim USED by the order and answers the discount it gives {@code subtotal}. */
    Money redeem(UserId user, CouponId coupon, OrderId orderId, Money subtotal, Instant at);

    /** The order ended unpaid (cancelled, expired): its claim is CLAIMED again. */
    void giveBack(UserId user, CouponId coupon, OrderId orderId, Instant at);
}
