package dev.buyonce.kernel.catalog;

import dev.buyonce.kernel.ProductId;

/** Answered from memory: an unknown product id costs no database query. */
public record FindProductQuery(ProductId productId) {
}
