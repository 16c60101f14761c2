package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the user's claim of a coupon, or answers the one this key opened. {@code bucket} null: no stock is left
 * (a new claim is refused as sold out).
 */
public record OpenCouponClaim(@TargetAggregateIdentifier ClaimId claimId, CouponId couponId, UserId userId,
                              ClaimKeyId keyId, Integer bucket, CouponDiscount discount, Instant validUntil,
                              Instant claimedAt) {
}
