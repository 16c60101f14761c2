package dev.buyonce.client;

/** 409 ALREADY_OWNED: the caller owns this permanent product; {@link #orderId()} bought it. */
public final class AlreadyOwned extends ProblemException {
    AlreadyOwned(Problem problem) {
        super(problem);
    }

    public String orderId() {
        return text("orderId");
    }
}
