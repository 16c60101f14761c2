package dev.buyonce.kernel.coupon;

/** What {@link DefineCoupon} did: {@code CREATED}, or {@code UNCHANGED} for the same definition again. */
public enum CouponDefinition {
    CREATED,
    UNCHANGED
}
