package dev.buyonce.command.catalog;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.catalog.FindProductQuery;
import dev.buyonce.kernel.catalog.ProductView;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Prices and kinds for the command edge, from the in-memory catalog the query side keeps. */
@Component
public class CatalogLookup {
    private final QueryGateway queries;

    CatalogLookup(QueryGateway queries) {
        this.queries = queries;
    }

    /** The product, or {@code PRODUCT_NOT_FOUND}. */
    public ProductView require(ProductId productId) {
        Optional<ProductView> product = queries
                .query(new FindProductQuery(productId), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join();
        return product.orElseThrow(() -> new RuleViolation(ErrorCode.PRODUCT_NOT_FOUND,
                "product " + productId + " not found", Map.of("productId", productId.value())));
    }
}
