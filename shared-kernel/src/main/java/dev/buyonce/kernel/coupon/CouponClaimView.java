package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** A claim as the API shows it; {@code orderId} names the order that uses it, if one does. */
public record CouponClaimView(ClaimId claimId, CouponId couponId, ClaimStatus status, OrderId orderId,
                              Instant claimedAt, Instant validUntil) {
}
