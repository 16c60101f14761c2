package dev.buyonce.client;

/** 400: malformed or invalid input, or a missing or invalid Idempotency-Key. */
public final class ValidationFailed extends ProblemException {
    ValidationFailed(Problem problem) {
        super(problem);
    }
}
