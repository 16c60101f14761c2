package dev.buyonce.saga.provider;

public enum ProviderPaymentState {
    NOT_FOUND,
    PENDING,
    CAPTURED,
    CLOSED,
    REFUNDED
}
