package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.UserId;
import java.time.LocalDate;
import java.util.UUID;

/** A user's coupon claims on one UTC day, keyed by (user, day): the daily limit is guarded by this identity. */
public record ClaimAllowanceId(UUID value) {

    public ClaimAllowanceId {
        if (value == null) {
            throw new IllegalArgumentException("claim allowance id is required");
        }
    }

    public static ClaimAllowanceId of(UserId user, LocalDate day) {
        return new ClaimAllowanceId(DeterministicIds.of("coupon-claim-allowance", user.value(), day.toString()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
