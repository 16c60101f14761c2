package dev.buyonce.kernel.coupon;

import java.time.Instant;

public record CouponStockTaken(StockBucketId bucketId, CouponId couponId, int bucket, ClaimId claimId, Instant at) {
}
