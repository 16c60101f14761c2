package dev.buyonce.kernel;

/** The stable error codes of the public contract (API.md), each with its HTTP status. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    IDEMPOTENCY_KEY_MISSING(400),
    IDEMPOTENCY_KEY_INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    PRODUCT_NOT_FOUND(404),
    ORDER_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    UNSUPPORTED_MEDIA_TYPE(415),
    NOT_ACCEPTABLE(406),
    ALREADY_OWNED(409),
    PURCHASE_PENDING(409),
    IDEMPOTENCY_KEY_IN_USE(409),
    // a change that kept racing another change of the same resource, no Idempotency-Key involved: retry
    CONFLICT(409),
    ORDER_NOT_PAYABLE(409),
    ORDER_NOT_CANCELLABLE(409),
    ORDER_NOT_REFUNDABLE(409),
    PAYMENT_NOT_PAYABLE(409),
    /** A payment provider did not answer in time (or is known to be down): try the same request again later. */
    PROVIDER_UNAVAILABLE(503),
    PRODUCT_CONFLICT(409),
    SEAT_UNAVAILABLE(409),
    NOT_ENOUGH_SEATS(409),
    TICKET_LIMIT_EXCEEDED(409),
    PROGRAM_CONFLICT(409),
    /** Unknown, withdrawn, not-yet-valid or expired: one answer for all, so guessing ids learns nothing. */
    COUPON_NOT_FOUND(404),
    COUPON_ALREADY_CLAIMED(409),
    COUPON_SOLD_OUT(409),
    COUPON_CONFLICT(409),
    COUPON_NOT_CLAIMED(409),
    COUPON_ALREADY_USED(409),
    COUPON_NOT_APPLICABLE(409),
    /** The per-user daily coupon claim limit; Retry-After runs to the next UTC midnight. */
    CLAIM_LIMIT_REACHED(429),
    IDEMPOTENCY_KEY_REUSED(422),
    PAYLOAD_TOO_LARGE(413),
    REQUEST_TIMEOUT(408),
    RATE_LIMITED(429),
    /** The database cannot be reached for a moment (a restart, a fail-over, every pooled connection busy): retry. */
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
