package dev.buyonce.saga.provider;

public enum RefundOutcome {
    /** Refunded now, or earlier under the same refund request number. */
    REFUNDED,
    /** The provider refuses (nothing captured to refund); retrying will not help. */
    REFUSED
}
