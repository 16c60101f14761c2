package dev.buyonce.command.coupon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.ClaimResult;
import dev.buyonce.kernel.coupon.ClaimStatus;
import dev.buyonce.kernel.coupon.CouponClaimView;
import dev.buyonce.kernel.coupon.CouponClaimed;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponRedeemed;
import dev.buyonce.kernel.coupon.CouponReturned;
import dev.buyonce.kernel.coupon.OpenCouponClaim;
import dev.buyonce.kernel.coupon.RedeemCoupon;
import dev.buyonce.kernel.coupon.ReturnCoupon;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A user's claim of a coupon, keyed by (coupon, user): the user's one claim of it, ever. It remembers the key that
 * opened it (a repeat of that key is a replay, any other key is refused) and the order that uses it, if any: an
 * order takes it in its own unit of work and gives it back if it is cancelled or expires.
 */
@AggregateRoot
public class CouponClaim {
    @AggregateIdentifier
    private ClaimId claimId;
    private CouponId couponId;
    private ClaimKeyId keyId;
    private CouponDiscount discount;
    private Instant claimedAt;
    private Instant validUntil;
    private OrderId usedBy;
    private Money discountGiven;

    CouponClaim() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ClaimResult handle(OpenCouponClaim command) {
        if (claimId != null) {
            if (keyId.equals(command.keyId())) {
                return new ClaimResult(view(command.claimedAt()), true);
            }
            throw new CouponAlreadyClaimed(couponId, claimId);
        }
        if (command.bucket() == null) {
            throw new CouponSoldOut(command.couponId());
        }
        apply(new CouponClaimed(command.claimId(), command.couponId(), command.userId(), command.keyId(),
                command.bucket(), command.discount(), command.validUntil(), command.claimedAt()));
        return new ClaimResult(view(command.claimedAt()), false);
    }

    /** Marks the claim USED by the order and answers the discount it gives the order's subtotal. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Money handle(RedeemCoupon command) {
        if (claimId == null) {
            throw new CouponNotClaimed(command.couponId());
        }
        if (usedBy != null) {
            if (usedBy.equals(command.orderId())) {
                return discountGiven;
            }
            throw new CouponAlreadyUsed(couponId, usedBy);
        }
        if (!command.at().isBefore(validUntil)) {
            throw new CouponNotApplicable(couponId, "it expired at " + validUntil);
        }
        Money off = discount.off(command.subtotal()).orElseThrow(() ->
                new CouponNotApplicable(couponId, "its discount is larger than the order, or in another currency"));
        apply(new CouponRedeemed(claimId, couponId, command.userId(), command.orderId(), off, command.at()));
        return off;
    }

    /** The order that used the claim ended unpaid: the claim is CLAIMED again. Anything else changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReturnCoupon command) {
        if (usedBy != null && usedBy.equals(command.orderId())) {
            apply(new CouponReturned(claimId, couponId, command.userId(), command.orderId(), command.at()));
        }
    }

    private CouponClaimView view(Instant now) {
        ClaimStatus status = usedBy != null ? ClaimStatus.USED
                : now.isBefore(validUntil) ? ClaimStatus.CLAIMED : ClaimStatus.EXPIRED;
        return new CouponClaimView(claimId, couponId, status, usedBy, claimedAt, validUntil);
    }

    @EventSourcingHandler
    void on(CouponClaimed event) {
        this.claimId = event.claimId();
        this.couponId = event.couponId();
        this.keyId = event.keyId();
        this.discount = event.discount();
        this.claimedAt = event.claimedAt();
        this.validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(CouponRedeemed event) {
        this.usedBy = event.orderId();
        this.discountGiven = event.discount();
    }

    @EventSourcingHandler
    void on(CouponReturned event) {
        this.usedBy = null;
        this.discountGiven = null;
    }
}
