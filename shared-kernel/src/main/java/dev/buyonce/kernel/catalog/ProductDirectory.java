package dev.buyonce.kernel.catalog;

import dev.buyonce.kernel.ProductId;
import java.util.Optional;

/**
 * Where the command side finds a product's price and kind. The query side implements it with its
 * in-memory catalog, so a lookup is a map read: no query-bus round trip on every order line and every
 * imported purchase, and no database query for an unknown (or enumerated) product id.
 */
public interface ProductDirectory {

    Optional<ProductView> find(ProductId productId);
}
