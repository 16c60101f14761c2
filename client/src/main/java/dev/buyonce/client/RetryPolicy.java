package dev.buyonce.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a request is sent again: at most {@code maxAttempts} sends in all; between two,
 * an exponential back-off from {@code initialBackoff} doubling up to {@code maxBackoff}, each pause drawn at
 * random between half and all of it (jitter, so clients that failed together do not come back together). A
 * {@code Retry-After} longer than the back-off is waited for instead, up to {@code maxRetryAfter}; an answer
 * asking for longer is not retried but thrown (a daily limit, say).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("back-offs must be >= 0 and maxBackoff >= initialBackoff");
        }
    }

    /** 5 attempts, 200 ms doubling to 5 s, Retry-After honoured up to 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** One attempt: every failure surfaces at once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The pause after failed attempt {@code attempt} (1-based), jitter included. */
    Duration backoff(int attempt) {
        long ceiling = initialBackoff.toNanos() << Math.min(attempt - 1, 30);
        if (ceiling <= 0 || ceiling > maxBackoff.toNanos()) {
            ceiling = maxBackoff.toNanos();
        }
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
