package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** The claim is USED by an order, which takes {@code discount} off its total. */
public record CouponRedeemed(ClaimId claimId, CouponId couponId, UserId userId, OrderId orderId, Money discount,
                             Instant at) {
}
