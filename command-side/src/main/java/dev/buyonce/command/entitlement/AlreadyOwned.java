package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user owns this permanent product already: named by the purchase's order, or its legacy reference. */
public class AlreadyOwned extends RuleViolation {
    public AlreadyOwned(ProductId product, OrderId orderId, String reference) {
        super(ErrorCode.ALREADY_OWNED, "you already own " + product, properties(product, orderId, reference));
    }

    private static Map<String, Object> properties(ProductId product, OrderId orderId, String reference) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("productId", product.value());
        properties.put("orderId", orderId == null ? null : orderId.toString());
        if (reference != null) {
            properties.put("reference", reference);
        }
        return properties;
    }
}
