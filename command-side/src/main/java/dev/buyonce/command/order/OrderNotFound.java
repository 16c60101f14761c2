package dev.buyonce.command.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;

/** No such order for this caller (another user's order answers the same). */
public class OrderNotFound extends RuleViolation {
    public OrderNotFound(String orderId) {
        super(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found");
    }
}
