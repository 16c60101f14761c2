package dev.buyonce.client;

/** 429: RATE_LIMITED or CLAIM_LIMIT_REACHED; {@link #retryAfter()} says when to come back. */
public final class RateLimited extends ProblemException {
    RateLimited(Problem problem) {
        super(problem);
    }
}
