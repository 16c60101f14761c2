package dev.buyonce.app.demo;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.catalog.DefineProduct;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.RuleViolation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A small catalog for trying BuyOnce out; defining it again at every start changes nothing. */
@Component
@ConditionalOnProperty(name = "buyonce.demo.catalog", havingValue = "true")
class DemoCatalog {
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    static final List<DefineProduct> PRODUCTS = List.of(
            new DefineProduct(new ProductId("pro-lifetime"), "BuyOnce Pro, lifetime licence", ProductKind.PERMANENT,
                    Money.of("199.00", "CNY")),
            new DefineProduct(new ProductId("course-ddd"), "Domain-Driven Design video course", ProductKind.PERMANENT,
                    Money.of("99.00", "CNY")),
            new DefineProduct(new ProductId("coffee"), "A cup of coffee", ProductKind.CONSUMABLE,
                    Money.of("9.90", "CNY")),
            new DefineProduct(new ProductId("credits-100"), "100 API credits", ProductKind.CONSUMABLE,
                    Money.of("19.90", "CNY")));

    private final CommandGateway commands;

    DemoCatalog(CommandGateway commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void define() {
        for (DefineProduct product : PRODUCTS) {
            try {
                commands.sendAndWait(product);
            } catch (RuleViolation e) {
                log.warn("demo product {} left as it is: {}", product.productId(), e.getMessage());
            }
        }
    }
}
