package dev.buyonce.client;

import java.time.Instant;

/** The caller's claim of a coupon: CLAIMED, USED (by {@code orderId}) or EXPIRED. */
public record CouponClaim(String claimId, String couponId, String status, String orderId, Instant claimedAt,
                          Instant validUntil) {
}
