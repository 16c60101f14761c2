package dev.buyonce.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.DefineProduct;
import dev.buyonce.kernel.catalog.ProductDefined;
import dev.buyonce.kernel.catalog.ProductDefinition;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/** A catalog entry. Its definition is immutable: the same definition again is a no-op, another is refused. */
@AggregateRoot
public class Product {
    /** {@link ProductId#aggregateId()}: products have an id space of their own. */
    @AggregateIdentifier
    private String aggregateId;
    private ProductDefined definition;

    Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ProductDefinition handle(DefineProduct command) {
        ProductDefined wanted = new ProductDefined(command.productId(), command.name(), command.kind(), command.price());
        if (definition == null) {
            apply(wanted);
            return ProductDefinition.CREATED;
        }
        if (definition.equals(wanted)) {
            return ProductDefinition.UNCHANGED;
        }
        throw new ProductConflict(command.productId());
    }

    @EventSourcingHandler
    void on(ProductDefined event) {
        this.aggregateId = event.productId().aggregateId();
        this.definition = event;
    }
}
