package dev.buyonce.client;

/** 409: a request with the same key is still in flight; the client retries it by itself. */
public final class IdempotencyKeyInUse extends ProblemException {
    IdempotencyKeyInUse(Problem problem) {
        super(problem);
    }
}
