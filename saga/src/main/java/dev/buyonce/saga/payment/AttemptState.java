package dev.buyonce.saga.payment;

/** A payment attempt as the saga tracks it. */
enum AttemptState {
    PENDING,
    CLOSED,
    /** The capture the order keeps. */
    KEPT,
    REFUNDING,
    REFUNDED,
    /** The provider refused the refund every time: left for a human, listed by reconciliation. */
    REFUND_FAILED;

    boolean outstanding() {
        return this == PENDING || this == REFUNDING;
    }
}
