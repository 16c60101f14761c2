package dev.buyonce.client;

/** 401: no valid bearer token. */
public final class Unauthenticated extends ProblemException {
    Unauthenticated(Problem problem) {
        super(problem);
    }
}
