package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Counts a claim against the user's limit for one UTC day. */
public record CountDailyClaim(@TargetAggregateIdentifier ClaimAllowanceId allowanceId, UserId userId, LocalDate day,
                              ClaimId claimId, int limit, Instant at) {

    public CountDailyClaim(UserId userId, LocalDate day, ClaimId claimId, int limit, Instant at) {
        this(ClaimAllowanceId.of(userId, day), userId, day, claimId, limit, at);
    }
}
