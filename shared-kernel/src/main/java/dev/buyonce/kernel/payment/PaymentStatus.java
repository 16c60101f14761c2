package dev.buyonce.kernel.payment;

/** A payment attempt as the API shows it. */
public enum PaymentStatus {
    PENDING,
    CAPTURED,
    CLOSED,
    FAILED,
    REFUNDED
}
