package dev.buyonce.kernel.coupon;

/** CLAIMED: usable; USED: an order holds or paid with it; EXPIRED: CLAIMED past its coupon's validUntil. */
public enum ClaimStatus {
    CLAIMED,
    USED,
    EXPIRED
}
