package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import java.util.UUID;

/** One Idempotency-Key of one user on the claim endpoint: it remembers which coupon the key claimed. */
public record ClaimKeyId(UUID value) {

    public ClaimKeyId {
        if (value == null) {
            throw new IllegalArgumentException("claim key id is required");
        }
    }

    public static ClaimKeyId of(UserId user, IdempotencyKey key) {
        return new ClaimKeyId(DeterministicIds.of("coupon-claim-key", user.value(), key.value()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
