package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record CouponReturned(ClaimId claimId, CouponId couponId, UserId userId, OrderId orderId, Instant at) {
}
