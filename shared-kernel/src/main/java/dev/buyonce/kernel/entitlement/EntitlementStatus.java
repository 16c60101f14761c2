package dev.buyonce.kernel.entitlement;

public enum EntitlementStatus {
    OWNED,
    PENDING,
    NONE
}
