package dev.buyonce.kernel.coupon;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** No more claims of this coupon from {@code at} on; claims already made stay usable. Withdrawing again is a no-op. */
public record WithdrawCoupon(CouponId couponId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return couponId.aggregateId();
    }
}
