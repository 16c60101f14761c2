package dev.buyonce.command.coupon;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.RedeemCoupon;
import dev.buyonce.kernel.coupon.ReturnCoupon;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Runs redemption commands on the user's {@link CouponClaim}, found by its (coupon, user) id, in the order's unit of work. */
@Component
class Redemptions implements CouponRedemptions {
    private final InUnitOfWork aggregates;

    Redemptions(InUnitOfWork aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public Money redeem(UserId user, CouponId coupon, OrderId orderId, Money subtotal, Instant at) {
        RedeemCoupon command = new RedeemCoupon(coupon, user, orderId, subtotal, at);
        return (Money) aggregates.handle(CouponClaim.class, command.claimId(), CouponClaim::new, command);
    }

    @Override
    public void giveBack(UserId user, CouponId coupon, OrderId orderId, Instant at) {
        ReturnCoupon command = new ReturnCoupon(coupon, user, orderId, at);
        aggregates.handle(CouponClaim.class, command.claimId(), CouponClaim::new, command);
    }
}
