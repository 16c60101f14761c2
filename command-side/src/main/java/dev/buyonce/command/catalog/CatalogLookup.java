package dev.buyonce.command.catalog;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.catalog.ProductDirectory;
import dev.buyonce.kernel.catalog.ProductView;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Prices and kinds for the command edge, from the in-memory catalog the query side keeps. */
@Component
public class CatalogLookup {
    private final ProductDirectory products;

    CatalogLookup(ProductDirectory products) {
        this.products = products;
    }

    /** The product, or {@code PRODUCT_NOT_FOUND}. */
    public ProductView require(ProductId productId) {
        return products.find(productId).orElseThrow(() -> new RuleViolation(ErrorCode.PRODUCT_NOT_FOUND,
                "product " + productId + " not found", Map.of("productId", productId.value())));
    }
}
