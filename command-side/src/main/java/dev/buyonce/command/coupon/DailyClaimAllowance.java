package dev.buyonce.command.coupon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.coupon.ClaimAllowanceId;
import dev.buyonce.kernel.coupon.CountDailyClaim;
import dev.buyonce.kernel.coupon.DailyClaimCounted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A user's coupon claims on one UTC day, keyed by (user, day). Every claim passes through this identity in its own
 * unit of work, so concurrent claims are counted one after the other and the limit holds; a view would only see
 * them after the fact.
 */
@AggregateRoot
public class DailyClaimAllowance {
    @AggregateIdentifier
    private ClaimAllowanceId allowanceId;
    private int claims;

    DailyClaimAllowance() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CountDailyClaim command) {
        if (claims >= command.limit()) {
            throw new ClaimLimitReached(command.limit(), command.day(), command.at());
        }
        apply(new DailyClaimCounted(command.allowanceId(), command.userId(), command.day(), command.claimId(), command.at()));
    }

    @EventSourcingHandler
    void on(DailyClaimCounted event) {
        this.allowanceId = event.allowanceId();
        this.claims++;
    }
}
