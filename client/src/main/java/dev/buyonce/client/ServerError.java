package dev.buyonce.client;

/** 5xx: a failure on the service's side (PROVIDER_UNAVAILABLE, INTERNAL_ERROR); retried by the client before it surfaces. */
public final class ServerError extends ProblemException {
    ServerError(Problem problem) {
        super(problem);
    }
}
