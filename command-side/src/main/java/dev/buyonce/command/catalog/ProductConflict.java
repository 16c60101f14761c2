package dev.buyonce.command.catalog;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import java.util.Map;

/** A product id is defined once; a different definition under the same id is refused. */
public class ProductConflict extends RuleViolation {
    public ProductConflict(ProductId productId) {
        super(ErrorCode.PRODUCT_CONFLICT, "product " + productId + " is already defined differently",
                Map.of("productId", productId.value()));
    }
}
