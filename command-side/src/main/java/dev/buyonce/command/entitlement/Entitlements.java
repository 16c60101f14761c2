package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Entitlement operations for use inside another command's unit of work (an order placed or cancelled,
 * an import): the aggregate is found by its derived (user, product) id or created on first use.
 */
@Component
public class Entitlements {
    private final Configuration axon;

    Entitlements(Configuration axon) {
        this.axon = axon;
    }

    public void reserve(UserId user, ProductId product, OrderId orderId, Instant at) {
        entitlement(user, product).execute(e -> e.reserve(user, product, orderId, at));
    }

    public void release(UserId user, ProductId product, OrderId orderId, Instant at) {
        entitlement(user, product).execute(e -> e.release(orderId, at));
    }

    ImportOutcome importPurchase(ImportedPurchase purchase, Instant at) {
        return entitlement(purchase.userId(), purchase.productId()).invoke(e -> e.importPurchase(
                purchase.userId(), purchase.productId(), purchase.reference(), purchase.purchasedAt(), at));
    }

    private Aggregate<Entitlement> entitlement(UserId user, ProductId product) {
        Repository<Entitlement> repository = axon.repository(Entitlement.class);
        try {
            return repository.loadOrCreate(EntitlementId.of(user, product).toString(), Entitlement::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create entitlement aggregate", e);
        }
    }
}
