package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import java.time.LocalDate;

public record DailyClaimCounted(ClaimAllowanceId allowanceId, UserId userId, LocalDate day, ClaimId claimId,
                                Instant at) {
}
