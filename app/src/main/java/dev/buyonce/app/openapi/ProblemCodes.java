package dev.buyonce.app.openapi;

import static dev.buyonce.kernel.ErrorCode.*;

import dev.buyonce.kernel.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may call each operation and every problem {@code code} it can answer, by {@code "METHOD /path"}: the
 * table the OpenAPI description is decorated from. docs/API.md lists the same codes under each endpoint;
 * ContractTest fails when the two differ.
 */
final class ProblemCodes {

    /** How a caller proves who it is. */
    enum Access { PUBLIC, USER, ADMIN, SIGNED }

    /** {@code creates}: answers 201 when it creates, and 200 with the same body when the same request comes again. */
    record Operation(Access access, List<ErrorCode> codes, boolean creates) {
    }

    private static final List<ErrorCode> JSON_BODY = List.of(PAYLOAD_TOO_LARGE, REQUEST_TIMEOUT, UNSUPPORTED_MEDIA_TYPE);
    private static final List<ErrorCode> KEYED = List.of(IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY_INVALID);

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            op("GET /api/demo-token", Access.PUBLIC, NOT_FOUND),
            op("GET /api/products", Access.USER),
            creating(op("POST /api/admin/products", Access.ADMIN, VALIDATION_FAILED, PRODUCT_CONFLICT, CONFLICT,
                    JSON_BODY)),
            creating(op("POST /api/orders", Access.USER, VALIDATION_FAILED, KEYED, NOT_FOUND, PRODUCT_NOT_FOUND, ALREADY_OWNED,
                    PURCHASE_PENDING, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, SEAT_UNAVAILABLE, NOT_ENOUGH_SEATS,
                    TICKET_LIMIT_EXCEEDED, COUPON_NOT_CLAIMED, COUPON_ALREADY_USED, COUPON_NOT_APPLICABLE, JSON_BODY)),
            op("GET /api/orders", Access.USER, VALIDATION_FAILED),
            op("GET /api/orders/{orderId}", Access.USER, ORDER_NOT_FOUND),
            op("POST /api/orders/{orderId}/cancel", Access.USER, ORDER_NOT_FOUND, ORDER_NOT_CANCELLABLE, CONFLICT),
            creating(op("POST /api/orders/{orderId}/payments", Access.USER, VALIDATION_FAILED, KEYED, ORDER_NOT_FOUND,
                    ORDER_NOT_PAYABLE, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, PROVIDER_UNAVAILABLE, JSON_BODY)),
            op("GET /api/orders/{orderId}/payments", Access.USER, ORDER_NOT_FOUND),
            op("GET /api/orders/{orderId}/history", Access.USER, ORDER_NOT_FOUND),
            op("GET /api/orders/{orderId}/events", Access.USER, ORDER_NOT_FOUND),
            op("GET /api/entitlements/{productId}", Access.USER, PRODUCT_NOT_FOUND),
            op("GET /api/admin/users/{userId}/entitlements/{productId}", Access.ADMIN, VALIDATION_FAILED, NOT_FOUND,
                    PRODUCT_NOT_FOUND),
            // streamed NDJSON: exempt from the body size limit and the read deadline
            op("POST /api/admin/imports/purchases", Access.ADMIN, VALIDATION_FAILED, CONFLICT),
            op("POST /api/admin/orders/{orderId}/refund", Access.ADMIN, ORDER_NOT_FOUND, ORDER_NOT_REFUNDABLE, CONFLICT),
            op("GET /api/admin/reconciliation", Access.ADMIN),
            op("GET /api/admin/duplicate-suspects", Access.ADMIN, VALIDATION_FAILED),
            op("GET /api/admin/projections", Access.ADMIN),
            op("GET /api/admin/projections/{name}", Access.ADMIN, NOT_FOUND),
            op("POST /api/admin/projections/{name}/replay", Access.ADMIN, NOT_FOUND),
            op("GET /api/admin/dead-letters", Access.ADMIN),
            op("POST /api/admin/dead-letters/{processor}/retry", Access.ADMIN, NOT_FOUND),
            creating(op("POST /api/admin/programs", Access.ADMIN, VALIDATION_FAILED, PROGRAM_CONFLICT, CONFLICT,
                    JSON_BODY)),
            op("GET /api/programs/{programId}/seats", Access.USER, NOT_FOUND),
            creating(op("POST /api/admin/coupons", Access.ADMIN, VALIDATION_FAILED, COUPON_CONFLICT, CONFLICT,
                    JSON_BODY)),
            op("POST /api/admin/coupons/{couponId}/withdraw", Access.ADMIN, COUPON_NOT_FOUND, CONFLICT),
            op("GET /api/coupons", Access.USER),
            op("GET /api/coupons/mine", Access.USER),
            creating(op("POST /api/coupons/{couponId}/claims", Access.USER, KEYED, COUPON_NOT_FOUND, COUPON_ALREADY_CLAIMED,
                    COUPON_SOLD_OUT, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, CLAIM_LIMIT_REACHED)),
            op("POST /api/payments/notifications/{provider}", Access.SIGNED, VALIDATION_FAILED, UNAUTHENTICATED,
                    NOT_FOUND, ORDER_NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, REQUEST_TIMEOUT),
            op("POST /sandbox/payments/{paymentId}/pay", Access.PUBLIC, VALIDATION_FAILED, NOT_FOUND, PAYMENT_NOT_PAYABLE,
                    JSON_BODY),
            op("GET /sandbox/ledger", Access.PUBLIC));

    private ProblemCodes() {
    }

    static Optional<Operation> of(String method, String path) {
        return Optional.ofNullable(OPERATIONS.get(method + " " + path));
    }

    /**
     * An operation's codes: its own, plus what its access implies (401 for a token, 403 for the admin role),
     * 429 for every operation the rate limits meter (all but the signed webhook), 503 (the database out of reach)
     * and 500 for all.
     */
    private static Map.Entry<String, Operation> op(String endpoint, Access access, Object... own) {
        Stream<ErrorCode> implied = switch (access) {
            case USER -> Stream.of(UNAUTHENTICATED);
            case ADMIN -> Stream.of(UNAUTHENTICATED, FORBIDDEN);
            case PUBLIC, SIGNED -> Stream.empty();
        };
        Stream<ErrorCode> listed = Stream.of(own).flatMap(code -> code instanceof List<?> group
                ? group.stream().map(ErrorCode.class::cast) : Stream.of((ErrorCode) code));
        Stream<ErrorCode> always = access == Access.SIGNED ? Stream.of(SERVICE_UNAVAILABLE, INTERNAL_ERROR)
                : Stream.of(RATE_LIMITED, SERVICE_UNAVAILABLE, INTERNAL_ERROR);
        List<ErrorCode> codes = Stream.of(implied, listed, always).flatMap(s -> s).distinct()
                .collect(Collectors.toUnmodifiableList());
        return Map.entry(endpoint, new Operation(access, codes, false));
    }

    private static Map.Entry<String, Operation> creating(Map.Entry<String, Operation> op) {
        return Map.entry(op.getKey(), new Operation(op.getValue().access(), op.getValue().codes(), true));
    }
}
