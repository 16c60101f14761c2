package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.ClaimId;
import java.util.Map;

/** The Idempotency-Key already claimed another coupon: the same 422 as a key reused for a different order. */
public class ClaimKeyReused extends RuleViolation {
    public ClaimKeyReused(ClaimId claimId) {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was already used for a different request",
                Map.of("claimId", claimId.toString()));
    }
}
