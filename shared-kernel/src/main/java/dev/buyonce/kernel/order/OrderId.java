package dev.buyonce.kernel.order;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import java.util.Optional;
import java.util.UUID;

/** An order's id: derived from (user, Idempotency-Key), so a retried request lands on the same order. */
public record OrderId(UUID value) {

    public OrderId {
        if (value == null) {
            throw new IllegalArgumentException("order id is required");
        }
    }

    public static OrderId forIntent(UserId user, IdempotencyKey key) {
        return new OrderId(DeterministicIds.of("order", user.value(), key.value()));
    }

    /** The id in a path segment, or empty when it is no UUID (which then names no order). */
    public static Optional<OrderId> parse(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(new OrderId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
