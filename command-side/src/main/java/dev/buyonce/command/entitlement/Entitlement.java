package dev.buyonce.command.entitlement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
import dev.buyonce.kernel.entitlement.GrantEntitlement;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchase;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.entitlement.ReleaseEntitlement;
import dev.buyonce.kernel.entitlement.ReserveEntitlement;
import dev.buyonce.kernel.entitlement.RevokeEntitlement;
import dev.buyonce.kernel.order.OrderId;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The one right of a user to a permanent product, keyed by (user, product) and never by time. At most one
 * live order holds it; once owned it stays owned, however old the purchase is, unless the paying order is
 * refunded (then the user may buy it again).
 */
@AggregateRoot
public class Entitlement {
    @AggregateIdentifier
    private EntitlementId entitlementId;
    private OrderId reservedBy;
    private boolean owned;
    private OrderId ownedThrough;
    private String ownedByReference;
    private final Set<String> importedReferences = new HashSet<>();

    Entitlement() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReserveEntitlement command) {
        if (owned) {
            throw new AlreadyOwned(command.productId(), ownedThrough, ownedByReference);
        }
        if (reservedBy != null) {
            if (reservedBy.equals(command.orderId())) {
                return;
            }
            throw new PurchasePending(command.productId(), reservedBy);
        }
        apply(new EntitlementReserved(command.entitlementId(), command.userId(), command.productId(),
                command.orderId(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReleaseEntitlement command) {
        if (command.orderId().equals(reservedBy)) {
            apply(new EntitlementReservationReleased(command.entitlementId(), command.userId(), command.productId(),
                    command.orderId(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantEntitlement command) {
        if (owned) {
            return;
        }
        apply(new EntitlementGranted(command.entitlementId(), command.userId(), command.productId(),
                command.orderId(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RevokeEntitlement command) {
        if (owned && command.orderId().equals(ownedThrough)) {
            apply(new EntitlementRevoked(command.entitlementId(), command.userId(), command.productId(),
                    command.orderId(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ImportOutcome handle(ImportPurchase command) {
        ImportedPurchase purchase = command.purchase();
        if (owned || importedReferences.contains(purchase.reference())) {
            return ImportOutcome.SKIPPED;
        }
        apply(new PurchaseImported(command.entitlementId(), purchase.userId(), purchase.productId(),
                purchase.reference(), purchase.purchasedAt(), command.importedAt()));
        return ImportOutcome.IMPORTED;
    }

    /** Owned, but not through this order: bought before (imported) while the order waited for payment. */
    boolean ownedOtherThanThrough(OrderId orderId) {
        return owned && !orderId.equals(ownedThrough);
    }

    @EventSourcingHandler
    void on(EntitlementReserved event) {
        this.entitlementId = event.entitlementId();
        this.reservedBy = event.orderId();
    }

    @EventSourcingHandler
    void on(EntitlementReservationReleased event) {
        this.reservedBy = null;
    }

    @EventSourcingHandler
    void on(EntitlementGranted event) {
        this.entitlementId = event.entitlementId();
        this.reservedBy = null;
        this.owned = true;
        this.ownedThrough = event.orderId();
        this.ownedByReference = null;
    }

    /** Back to not owned: the user may reserve and buy the product again. */
    @EventSourcingHandler
    void on(EntitlementRevoked event) {
        this.owned = false;
        this.ownedThrough = null;
    }

    @EventSourcingHandler
    void on(PurchaseImported event) {
        this.entitlementId = event.entitlementId();
        this.importedReferences.add(event.reference());
        this.owned = true;
        this.ownedByReference = event.reference();
    }
}
