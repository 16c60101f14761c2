package dev.buyonce.saga.payment;

import java.time.Duration;

/**
 * When the payment saga asks a provider instead of waiting for its callback: first after
 * {@code statusCheckAfter}, then at doubling intervals up to {@code statusCheckMaxInterval}, until the order's
 * payment deadline. Refunds a provider could not make are retried {@code refundAttempts} times.
 */
public record PaymentTimings(Duration statusCheckAfter, Duration statusCheckMaxInterval, Duration refundRetryAfter,
                             int refundAttempts) {

    Duration nextCheckAfter(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(statusCheckMaxInterval) > 0 ? statusCheckMaxInterval : doubled;
    }
}
