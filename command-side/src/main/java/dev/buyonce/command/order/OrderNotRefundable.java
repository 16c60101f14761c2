package dev.buyonce.command.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderStatus;
import java.util.Map;

/** Only a paid order can be refunded. */
public class OrderNotRefundable extends RuleViolation {
    public OrderNotRefundable(OrderId orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_REFUNDABLE, "order " + orderId + " is " + status + " and cannot be refunded",
                Map.of("orderId", orderId.toString(), "orderStatus", status.name()));
    }
}
