package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.GrantEntitlement;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchase;
import dev.buyonce.kernel.entitlement.ReleaseEntitlement;
import dev.buyonce.kernel.entitlement.ReserveEntitlement;
import dev.buyonce.kernel.entitlement.RevokeEntitlement;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * Runs entitlement commands inside the current unit of work (an order being placed, cancelled, paid or
 * refunded, an import
 * batch), on the aggregate found by its derived (user, product) id or created on first use. The aggregate's
 * own command handlers decide, exactly as when the command arrives on the bus.
 */
@Component
class Entitlements implements EntitlementReservations, EntitlementOwnership {
    private final Configuration axon;

    Entitlements(Configuration axon) {
        this.axon = axon;
    }

    @Override
    public void reserve(UserId user, ProductId product, OrderId orderId, Instant at) {
        ReserveEntitlement command = new ReserveEntitlement(user, product, orderId, at);
        handle(command.entitlementId(), command);
    }

    @Override
    public void release(UserId user, ProductId product, OrderId orderId, Instant at) {
        ReleaseEntitlement command = new ReleaseEntitlement(user, product, orderId, at);
        handle(command.entitlementId(), command);
    }

    @Override
    public void grant(UserId user, ProductId product, OrderId orderId, Instant at) {
        GrantEntitlement command = new GrantEntitlement(user, product, orderId, at);
        handle(command.entitlementId(), command);
    }

    @Override
    public boolean ownedOtherwise(UserId user, ProductId product, OrderId orderId) {
        String id = EntitlementId.of(user, product).toString();
        try {
            return axon.repository(Entitlement.class).load(id).invoke(entitlement -> entitlement.ownedOtherThanThrough(orderId));
        } catch (AggregateNotFoundException neverReservedNorBought) {
            return false;
        }
    }

    @Override
    public void revoke(UserId user, ProductId product, OrderId orderId, Instant at) {
        RevokeEntitlement command = new RevokeEntitlement(user, product, orderId, at);
        handle(command.entitlementId(), command);
    }

    /**
     * @param fresh true when the caller assumes no event stream exists for this entitlement yet: it is then
     *              created without reading its history (and the unit of work fails if one exists after all)
     */
    ImportOutcome importPurchase(ImportPurchase command, boolean fresh) {
        if (!fresh) {
            return (ImportOutcome) handle(command.entitlementId(), command);
        }
        Repository<Entitlement> repository = axon.repository(Entitlement.class);
        AtomicReference<Object> outcome = new AtomicReference<>();
        try {
            repository.newInstance(Entitlement::new, entitlement -> outcome.set(handleOn(entitlement, command)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("entitlement " + command.entitlementId() + " could not be created", e);
        }
        return (ImportOutcome) outcome.get();
    }

    private Object handle(EntitlementId id, Object command) {
        Repository<Entitlement> repository = axon.repository(Entitlement.class);
        try {
            return handleOn(repository.loadOrCreate(id.toString(), Entitlement::new), command);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("entitlement " + id + " could not handle " + command, e);
        }
    }

    private static Object handleOn(Aggregate<Entitlement> entitlement, Object command) {
        try {
            Message<?> message = asCommandMessage(command);
            return entitlement.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("entitlement " + entitlement.identifierAsString() + " could not handle " + command, e);
        }
    }
}
