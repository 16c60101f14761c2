package dev.buyonce.query.coupon;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimStatus;
import dev.buyonce.kernel.coupon.CouponClaimView;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CouponController {
    private final ClaimableCoupons coupons;
    private final ClaimRepository claims;
    private final Clock clock;

    CouponController(ClaimableCoupons coupons, ClaimRepository claims, Clock clock) {
        this.coupons = coupons;
        this.claims = claims;
        this.clock = clock;
    }

    /** A claimable coupon; {@code remaining} may lag a moment behind the claims, and is never below zero. */
    record ClaimableCoupon(String id, String name, CouponDiscount discount, Instant validFrom, Instant validUntil,
                           int remaining) {
    }

    /** The coupons that can be claimed now, from memory. */
    @GetMapping("/api/coupons")
    List<ClaimableCoupon> claimable() {
        return coupons.claimableAt(clock.instant()).stream()
                .map(listed -> new ClaimableCoupon(listed.coupon().couponId().value(), listed.coupon().name(),
                        listed.coupon().discount(), listed.coupon().validFrom(), listed.coupon().validUntil(),
                        listed.remaining()))
                .toList();
    }

    /** The caller's claims, newest first; a claim answered a moment ago is here (written in its own transaction). */
    @GetMapping("/api/coupons/mine")
    List<CouponClaimView> mine(UserId user) {
        Instant now = clock.instant();
        return claims.findByUserIdOrderByClaimedAtDescClaimIdDesc(user.value()).stream()
                .map(row -> new CouponClaimView(new ClaimId(row.claimId), new CouponId(row.couponId), status(row, now),
                        row.orderId == null ? null : new OrderId(row.orderId), row.claimedAt, row.validUntil))
                .toList();
    }

    /** A claim no order uses is EXPIRED once its coupon's validUntil has passed. */
    private static ClaimStatus status(ClaimEntity row, Instant now) {
        ClaimStatus stored = ClaimStatus.valueOf(row.status);
        return stored == ClaimStatus.CLAIMED && !now.isBefore(row.validUntil) ? ClaimStatus.EXPIRED : stored;
    }
}
