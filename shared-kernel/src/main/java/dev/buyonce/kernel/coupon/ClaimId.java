package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.UserId;
import java.util.UUID;

/**
 * A coupon claim's id: derived from (coupon, user) alone, whatever the Idempotency-Key, so a user can hold one
 * claim of a coupon, ever: a second claim meets the first on this identity.
 */
public record ClaimId(UUID value) {

    public ClaimId {
        if (value == null) {
            throw new IllegalArgumentException("claim id is required");
        }
    }

    public static ClaimId of(CouponId coupon, UserId user) {
        return new ClaimId(DeterministicIds.of("coupon-claim", coupon.value(), user.value()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
