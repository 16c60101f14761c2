package dev.buyonce.kernel;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Re-sends a command that lost a race on the event store's unique (aggregate id, sequence) constraint.
 * The winner has committed by then, so the retry meets its result: the same intent answers the original
 * order, a different one gets the rule that now applies. Only when the race persists does the caller get a
 * conflict to retry after a moment (Retry-After): {@code IDEMPOTENCY_KEY_IN_USE} where the request carried an
 * Idempotency-Key ({@link #sendForKey}), the neutral {@code CONFLICT} everywhere else (cancel, refund,
 * import, webhook). Shared by every edge that sends commands (the command side's controllers, the payment
 * edge in the saga module).
 */
public final class ConflictRetry {
    private static final int ATTEMPTS = 8;
    private final String resource;

    /** @param resource what the caller races for, as the answer names it ("order", "resource") */
    public ConflictRetry(String resource) {
        this.resource = resource;
    }

    /** A request without an Idempotency-Key: a race that persists is a neutral {@code CONFLICT}. */
    public <T> T send(Supplier<T> dispatch) {
        return send(dispatch, ErrorCode.CONFLICT, "the same " + resource + " is being changed by another request; retry shortly");
    }

    /** A request with an Idempotency-Key: a race that persists means the same key is still in flight. */
    public <T> T sendForKey(Supplier<T> dispatch) {
        return send(dispatch, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                "a request for the same " + resource + " is still in flight; retry shortly");
    }

    private <T> T send(Supplier<T> dispatch, ErrorCode exhausted, String detail) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dispatch.get();
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS) {
                    throw new RuleViolation(exhausted, detail);
                }
                pause(attempt, exhausted);
            }
        }
    }

    private static void pause(int attempt, ErrorCode interrupted) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolation(interrupted, "interrupted while retrying; retry shortly");
        }
    }
}
