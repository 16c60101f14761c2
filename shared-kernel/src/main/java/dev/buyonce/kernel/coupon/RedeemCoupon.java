package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order applies the user's claim to its {@code subtotal}; answers the discount. */
public record RedeemCoupon(@TargetAggregateIdentifier ClaimId claimId, CouponId couponId, UserId userId,
                           OrderId orderId, Money subtotal, Instant at) {

    public RedeemCoupon(CouponId couponId, UserId userId, OrderId orderId, Money subtotal, Instant at) {
        this(ClaimId.of(couponId, userId), couponId, userId, orderId, subtotal, at);
    }
}
