package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order that used the claim was cancelled (or expired): the claim is CLAIMED again. A no-op otherwise. */
public record ReturnCoupon(@TargetAggregateIdentifier ClaimId claimId, CouponId couponId, UserId userId,
                           OrderId orderId, Instant at) {

    public ReturnCoupon(CouponId couponId, UserId userId, OrderId orderId, Instant at) {
        this(ClaimId.of(couponId, userId), couponId, userId, orderId, at);
    }
}
