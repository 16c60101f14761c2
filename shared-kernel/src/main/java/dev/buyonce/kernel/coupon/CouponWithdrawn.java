package dev.buyonce.kernel.coupon;

import java.time.Instant;

public record CouponWithdrawn(CouponId couponId, Instant at) {
}
