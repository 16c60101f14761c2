package dev.buyonce.client;

/** 409 PURCHASE_PENDING: an unpaid order for this permanent product exists; {@link #orderId()} is it. */
public final class PurchasePending extends ProblemException {
    PurchasePending(Problem problem) {
        super(problem);
    }

    public String orderId() {
        return text("orderId");
    }
}
