package dev.buyonce.query.catalog;

import dev.buyonce.query.signal.LocalSignals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.ProductDefined;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.catalog.ProductView;
import dev.buyonce.query.ProjectionTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog: one row per product, from the one event that defines it, served from memory at once. */
class CatalogProjectionTest extends ProjectionTest {
    static final ProductDefined LIFETIME = new ProductDefined(new ProductId("lifetime"), "Lifetime licence",
            ProductKind.PERMANENT, Money.of("199", "CNY"));
    static final ProductDefined COFFEE = new ProductDefined(new ProductId("coffee"), "Coffee", ProductKind.CONSUMABLE,
            Money.of("9.9", "CNY"));
    static final List<Stored> HISTORY = List.of(at(0, LIFETIME), at(0, COFFEE));

    @Autowired
    ProductRepository repository;
    ProductCatalog catalog;

    CatalogProjectionTest() {
        super(HISTORY, Map.of("product_view", "product_id"));
    }

    @BeforeEach
    void setUp() {
        catalog = new ProductCatalog(repository);
        under(new CatalogProjection(repository, catalog, LocalSignals.to(catalog)));
    }

    @Test
    void aDefinedProductIsStoredWithItsPrice() {
        given(HISTORY);

        assertThat(rows("product_view")).containsExactly(
                columns("product_id", "coffee", "name", "Coffee", "kind", "CONSUMABLE",
                        "price_amount", new BigDecimal("9.90"), "price_currency", "CNY"),
                columns("product_id", "lifetime", "name", "Lifetime licence", "kind", "PERMANENT",
                        "price_amount", new BigDecimal("199.00"), "price_currency", "CNY"));
    }

    @Test
    void aDefinedProductIsServedAtOnceAndAfterARestart() {
        given(at(0, COFFEE));
        ProductView coffee = new ProductView(new ProductId("coffee"), "Coffee", ProductKind.CONSUMABLE, Money.of("9.90", "CNY"));

        assertThat(catalog.find(new ProductId("coffee"))).contains(coffee);
        ProductCatalog restarted = new ProductCatalog(repository);
        restarted.refresh();
        assertThat(restarted.all()).containsExactly(coffee);
    }
}
