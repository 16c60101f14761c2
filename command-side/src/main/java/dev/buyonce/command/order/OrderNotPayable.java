package dev.buyonce.command.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderStatus;
import java.util.Map;

/** Only an order awaiting payment can be paid. */
public class OrderNotPayable extends RuleViolation {
    public OrderNotPayable(OrderId orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_PAYABLE, "order " + orderId + " is " + status + " and cannot be paid",
                Map.of("orderId", orderId.toString(), "orderStatus", status.name()));
    }
}
