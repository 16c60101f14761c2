package dev.buyonce.kernel.coupon;

/** The claim a request made or met again; {@code duplicated} when this request repeated an earlier one (same key). */
public record ClaimResult(CouponClaimView claim, boolean duplicated) {
}
