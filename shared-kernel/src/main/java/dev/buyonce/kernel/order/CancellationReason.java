package dev.buyonce.kernel.order;

public enum CancellationReason {
    BY_CUSTOMER,
    PAYMENT_DEADLINE_PASSED
}
