package dev.buyonce.client;

/** 403: the endpoint needs the admin role. */
public final class Forbidden extends ProblemException {
    Forbidden(Problem problem) {
        super(problem);
    }
}
