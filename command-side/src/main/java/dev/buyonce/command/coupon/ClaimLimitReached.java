package dev.buyonce.command.coupon;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** The user made the day's last allowed claim; {@code retryAfterSeconds} (and Retry-After) run to the next UTC midnight. */
public class ClaimLimitReached extends RuleViolation {
    public ClaimLimitReached(int limit, LocalDate day, Instant now) {
        super(ErrorCode.CLAIM_LIMIT_REACHED, "at most " + limit + " coupon claims per UTC day",
                Map.of("limit", limit, "retryAfterSeconds", secondsToNextDay(day, now)));
    }

    static long secondsToNextDay(LocalDate day, Instant now) {
        Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long millis = Duration.between(now, midnight).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
