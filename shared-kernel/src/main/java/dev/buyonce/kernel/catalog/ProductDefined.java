package dev.buyonce.kernel.catalog;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;

public record ProductDefined(ProductId productId, String name, ProductKind kind, Money price) {
}
