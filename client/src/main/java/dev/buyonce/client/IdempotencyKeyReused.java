package dev.buyonce.client;

/** 422: the key was used before for a different request; make a new intent. */
public final class IdempotencyKeyReused extends ProblemException {
    IdempotencyKeyReused(Problem problem) {
        super(problem);
    }
}
