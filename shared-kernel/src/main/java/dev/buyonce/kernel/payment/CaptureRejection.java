package dev.buyonce.kernel.payment;

/** Why captured money is not kept; every one of these is refunded. */
public enum CaptureRejection {
    /** The order was cancelled (by the customer or at its payment deadline) before the money arrived. */
    ORDER_CANCELLED,
    /** The order is already paid through another attempt (two channels). */
    ALREADY_PAID,
    /** The order was paid and then refunded. */
    ORDER_REFUNDED,
    /** The provider captured a different amount than the order's total; flagged for a human. */
    AMOUNT_MISMATCH,
    /** The provider reports a payment this order never asked for. */
    UNKNOWN_ATTEMPT,
    /**
     * A permanent product of the order became owned another way (an imported purchase) while the order
     * waited for payment: the user is never charged for what they already own.
     */
    PRODUCT_ALREADY_OWNED
}
