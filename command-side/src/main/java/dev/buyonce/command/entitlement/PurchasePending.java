package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import java.util.Map;

/** A live unpaid order for this permanent product exists; pay or cancel that one. */
public class PurchasePending extends RuleViolation {
    public PurchasePending(ProductId product, OrderId pendingOrder) {
        super(ErrorCode.PURCHASE_PENDING, "an unpaid order for " + product + " exists",
                Map.of("productId", product.value(), "orderId", pendingOrder.toString()));
    }
}
