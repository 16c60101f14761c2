package dev.buyonce.query.catalog;

import dev.buyonce.query.signal.ChangeSignals;
import org.springframework.beans.factory.ObjectProvider;

import dev.buyonce.kernel.catalog.ProductDefined;
import dev.buyonce.kernel.catalog.ProductView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps product_view in the same transaction as the definition (a subscribing processor), so an admin
 * who got 201 can order the product at once.
 */
@Component
@ProcessingGroup(CatalogProjection.GROUP)
class CatalogProjection {
    static final String GROUP = "catalog";
    private final ProductRepository repository;
    private final ProductCatalog catalog;
    private final ObjectProvider<ChangeSignals> signals;

    CatalogProjection(ProductRepository repository, ProductCatalog catalog, ObjectProvider<ChangeSignals> signals) {
        this.repository = repository;
        this.catalog = catalog;
        this.signals = signals;
    }

    @EventHandler
    void on(ProductDefined event) {
        ProductEntity entity = new ProductEntity(event.productId().value(), event.name(), event.kind().name(),
                event.price().amount(), event.price().currency());
        repository.save(entity);
        ProductView view = ProductCatalog.toView(entity);
        ChangeSignals.afterCommit(() -> {
            catalog.put(view);
            signals.getObject().announce(ProductCatalog.TOPIC, event.productId().value());
        });
    }
}
