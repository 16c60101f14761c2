package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.order.OrderId;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment attempt of an order. Derived from (order, Idempotency-Key) and used as the provider's merchant
 * payment number, so a retried request and the provider both meet the same attempt again.
 */
public record PaymentId(UUID value) {

    public PaymentId {
        if (value == null) {
            throw new IllegalArgumentException("payment id is required");
        }
    }

    public static PaymentId forAttempt(OrderId orderId, IdempotencyKey key) {
        return new PaymentId(DeterministicIds.of("payment", orderId.toString(), key.value()));
    }

    /** The id in a path segment, or empty when it is no UUID (which then names no payment). */
    public static Optional<PaymentId> parse(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(new PaymentId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
