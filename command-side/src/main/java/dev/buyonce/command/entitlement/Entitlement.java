package dev.buyonce.command.entitlement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * The one right of a user to a permanent product, keyed by (user, product) and never by time. At most one
 * live order holds it; once owned it stays owned, however old the purchase is.
 */
@AggregateRoot
public class Entitlement {
    @AggregateIdentifier
    private EntitlementId entitlementId;
    private UserId userId;
    private ProductId productId;
    private OrderId reservedBy;
    private boolean owned;
    private OrderId ownedThrough;
    private String ownedByReference;
    private final Set<String> importedReferences = new HashSet<>();

    Entitlement() {
        // created empty by the repository (create-if-missing)
    }

    /** Reserves for {@code orderId}; reserving again for the same order is a no-op. */
    void reserve(UserId user, ProductId product, OrderId orderId, Instant at) {
        if (owned) {
            throw new AlreadyOwned(product, ownedThrough, ownedByReference);
        }
        if (reservedBy != null) {
            if (reservedBy.equals(orderId)) {
                return;
            }
            throw new PurchasePending(product, reservedBy);
        }
        apply(new EntitlementReserved(EntitlementId.of(user, product), user, product, orderId, at));
    }

    /** Releases the reservation {@code orderId} holds; anything else (already released, never held) is a no-op. */
    void release(OrderId orderId, Instant at) {
        if (orderId.equals(reservedBy)) {
            apply(new EntitlementReservationReleased(entitlementId, userId, productId, orderId, at));
        }
    }

    /** Records a legacy purchase; a known reference, or a product already owned, changes nothing. */
    ImportOutcome importPurchase(UserId user, ProductId product, String reference, Instant purchasedAt, Instant at) {
        if (owned || importedReferences.contains(reference)) {
            return ImportOutcome.SKIPPED;
        }
        apply(new PurchaseImported(EntitlementId.of(user, product), user, product, reference, purchasedAt, at));
        return ImportOutcome.IMPORTED;
    }

    @EventSourcingHandler
    void on(EntitlementReserved event) {
        identify(event.entitlementId(), event.userId(), event.productId());
        this.reservedBy = event.orderId();
    }

    @EventSourcingHandler
    void on(EntitlementReservationReleased event) {
        this.reservedBy = null;
    }

    @EventSourcingHandler
    void on(PurchaseImported event) {
        identify(event.entitlementId(), event.userId(), event.productId());
        this.importedReferences.add(event.reference());
        this.owned = true;
        this.ownedByReference = event.reference();
    }

    private void identify(EntitlementId id, UserId user, ProductId product) {
        this.entitlementId = id;
        this.userId = user;
        this.productId = product;
    }
}
