package dev.buyonce.command.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderStatus;
import java.util.Map;

public class OrderNotCancellable extends RuleViolation {
    public OrderNotCancellable(OrderId orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is " + status + " and cannot be cancelled",
                Map.of("orderId", orderId.toString(), "orderStatus", status.name()));
    }
}
