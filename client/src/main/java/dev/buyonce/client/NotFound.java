package dev.buyonce.client;

/** 404: NOT_FOUND or a specific *_NOT_FOUND code (another user's resources answer this too). */
public final class NotFound extends ProblemException {
    NotFound(Problem problem) {
        super(problem);
    }
}
