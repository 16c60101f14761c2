package dev.buyonce.kernel.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.ProductKind;

/** One line of an order, priced from the catalog at the edge when the order was placed. */
public record OrderLine(ProductId productId, ProductKind kind, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
