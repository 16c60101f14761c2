package dev.buyonce.command.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import java.util.Map;

/** The key already placed an order for a different request. */
public class IdempotencyKeyReused extends RuleViolation {
    public IdempotencyKeyReused(OrderId orderId) {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different request", Map.of("orderId", orderId.toString()));
    }
}
