package dev.buyonce.kernel.order;

public enum OrderStatus {
    AWAITING_PAYMENT,
    PAID,
    CANCELLED,
    REFUNDED
}
