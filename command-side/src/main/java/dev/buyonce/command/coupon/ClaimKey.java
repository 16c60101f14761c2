package dev.buyonce.command.coupon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.ClaimKeyRecorded;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.RecordClaimKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One user's Idempotency-Key on the claim endpoint, keyed by (user, key). The claim's own id ignores the key, so
 * this is where a key sent again for another coupon is recognised and refused (422), as for orders.
 */
@AggregateRoot
public class ClaimKey {
    @AggregateIdentifier
    private ClaimKeyId keyId;
    private CouponId couponId;
    private ClaimId claimId;

    ClaimKey() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordClaimKey command) {
        if (couponId == null) {
            apply(new ClaimKeyRecorded(command.keyId(), command.userId(), command.couponId(), command.claimId(), command.at()));
        } else if (!couponId.equals(command.couponId())) {
            throw new ClaimKeyReused(claimId);
        }
    }

    @EventSourcingHandler
    void on(ClaimKeyRecorded event) {
        this.keyId = event.keyId();
        this.couponId = event.couponId();
        this.claimId = event.claimId();
    }
}
