package dev.buyonce.kernel.catalog;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a product in the catalog; the same definition again changes nothing, a different one is refused. */
public record DefineProduct(ProductId productId, String name, ProductKind kind, Money price) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return productId.aggregateId();
    }
}
