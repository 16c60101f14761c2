package dev.buyonce.command.catalog;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.DefineProduct;
import dev.buyonce.kernel.catalog.ProductDefined;
import dev.buyonce.kernel.catalog.ProductDefinition;
import dev.buyonce.kernel.catalog.ProductKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ProductTest {
    static final ProductId ID = new ProductId("lifetime");
    static final Money PRICE = Money.of("199.00", "CNY");
    final AggregateTestFixture<Product> fixture = new AggregateTestFixture<>(Product.class);

    @Test
    void definesANewProduct() {
        fixture.givenNoPriorActivity()
                .when(new DefineProduct(ID, "Lifetime", ProductKind.PERMANENT, PRICE))
                .expectEvents(new ProductDefined(ID, "Lifetime", ProductKind.PERMANENT, PRICE))
                .expectResultMessagePayload(ProductDefinition.CREATED);
    }

    @Test
    void theSameDefinitionAgainChangesNothing() {
        fixture.given(new ProductDefined(ID, "Lifetime", ProductKind.PERMANENT, PRICE))
                .when(new DefineProduct(ID, "Lifetime", ProductKind.PERMANENT, PRICE))
                .expectNoEvents()
                .expectResultMessagePayload(ProductDefinition.UNCHANGED);
    }

    @Test
    void aDifferentDefinitionUnderTheSameIdIsRefused() {
        fixture.given(new ProductDefined(ID, "Lifetime", ProductKind.PERMANENT, PRICE))
                .when(new DefineProduct(ID, "Lifetime", ProductKind.PERMANENT, Money.of("1.00", "CNY")))
                .expectException(ProductConflict.class)
                .expectNoEvents();
    }
}
