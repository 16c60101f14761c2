package dev.buyonce.command.coupon;

import dev.buyonce.kernel.coupon.ClaimAllowanceId;
import dev.buyonce.kernel.coupon.ClaimCoupon;
import dev.buyonce.kernel.coupon.ClaimResult;
import dev.buyonce.kernel.coupon.CountDailyClaim;
import dev.buyonce.kernel.coupon.OpenCouponClaim;
import dev.buyonce.kernel.coupon.RecordClaimKey;
import dev.buyonce.kernel.coupon.TakeCouponStock;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/**
 * A claim is its key, the claim itself, a count on the user's daily allowance and one unit of one stock bucket,
 * all in this one unit of work, or nothing. Every claim visits them in this order (key, claim, allowance, bucket)
 * and locks at most one bucket, so two claims never wait on each other in a circle. A repeated key is answered
 * with the claim it made, touching neither allowance nor stock.
 */
@Component
class CouponClaimHandler {
    private final InUnitOfWork aggregates;

    CouponClaimHandler(InUnitOfWork aggregates) {
        this.aggregates = aggregates;
    }

    @CommandHandler
    ClaimResult handle(ClaimCoupon command) {
        aggregates.handle(ClaimKey.class, command.keyId(), ClaimKey::new, new RecordClaimKey(command.keyId(),
                command.userId(), command.couponId(), command.claimId(), command.claimedAt()));
        ClaimResult result = (ClaimResult) aggregates.handle(CouponClaim.class, command.claimId(), CouponClaim::new,
                new OpenCouponClaim(command.claimId(), command.couponId(), command.userId(), command.keyId(),
                        command.bucket(), command.discount(), command.validUntil(), command.claimedAt()));
        if (result.duplicated()) {
            return result;
        }
        CountDailyClaim count = new CountDailyClaim(command.userId(), command.day(), command.claimId(),
                command.dailyLimit(), command.claimedAt());
        aggregates.handle(DailyClaimAllowance.class, count.allowanceId(), DailyClaimAllowance::new, count);
        TakeCouponStock take = new TakeCouponStock(command.couponId(), command.bucket(), command.bucketShare(),
                command.claimId(), command.claimedAt());
        aggregates.handle(CouponStockBucket.class, take.bucketId(), CouponStockBucket::new, take);
        return result;
    }
}
