package dev.buyonce.query.catalog;

import dev.buyonce.query.PeriodicRefresh;
import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.ProductDirectory;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.catalog.ProductView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog in memory: every product lookup on the hot path is a map read, so an unknown (or
 * enumerated) product id costs no database query. A product defined on any node appears on every node as
 * soon as its definition has committed and been announced ({@link ChangeSignals}); the periodic refresh
 * catches up with any announcement lost.
 */
@Component
public class ProductCatalog implements PeriodicRefresh, ProductDirectory, ChangeListener {
    static final String TOPIC = "catalog";
    private final ProductRepository repository;
    private final Map<ProductId, ProductView> products = new ConcurrentHashMap<>();

    ProductCatalog(ProductRepository repository) {
        this.repository = repository;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Override
    public void refresh() {
        repository.findAll().forEach(entity -> put(toView(entity)));
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String productId) {
        repository.findById(productId).ifPresent(entity -> put(toView(entity)));
    }

    @Override
    public void resync() {
        refresh();
    }

    @Override
    public Optional<ProductView> find(ProductId productId) {
        return Optional.ofNullable(products.get(productId));
    }

    public boolean contains(ProductId productId) {
        return products.containsKey(productId);
    }

    public List<ProductView> all() {
        return products.values().stream().sorted(Comparator.comparing(p -> p.id().value())).toList();
    }

    void put(ProductView product) {
        products.put(product.id(), product);
    }

    static ProductView toView(ProductEntity entity) {
        return new ProductView(new ProductId(entity.productId), entity.name, ProductKind.valueOf(entity.kind),
                new Money(entity.priceAmount, entity.priceCurrency));
    }
}
