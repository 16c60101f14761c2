package dev.buyonce.kernel.order;

public enum CancellationReason {
    BY_CUSTOMER,
    PAYMENT_DEADLINE_PASSED,
    /** Its money arrived after one of its permanent products had become owned another way (refunded). */
    PRODUCT_ALREADY_OWNED
}
