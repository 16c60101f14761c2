package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ties an Idempotency-Key to the coupon it claims; the same coupon again is a no-op, another is refused (422). */
public record RecordClaimKey(@TargetAggregateIdentifier ClaimKeyId keyId, UserId userId, CouponId couponId,
                             ClaimId claimId, Instant at) {
}
