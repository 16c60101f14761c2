package dev.buyonce.kernel.coupon;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a coupon; the same definition again changes nothing, a different one is refused. */
public record DefineCoupon(CouponId couponId, String name, CouponDiscount discount, int stock, Instant validFrom,
                           Instant validUntil) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return couponId.aggregateId();
    }
}
