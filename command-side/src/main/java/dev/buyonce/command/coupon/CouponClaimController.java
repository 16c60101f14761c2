package dev.buyonce.command.coupon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimResult;
import dev.buyonce.kernel.coupon.CouponClaimView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CouponClaimController {
    private final CouponClaims claims;

    CouponClaimController(CouponClaims claims) {
        this.claims = claims;
    }

    /** The POST answer: the claim, and whether this request repeated an earlier one. */
    record ClaimAnswer(@JsonUnwrapped CouponClaimView claim, boolean duplicated) {
    }

    @PostMapping("/api/coupons/{couponId}/claims")
    ResponseEntity<ClaimAnswer> claim(UserId user, @PathVariable String couponId,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String keyHeader) {
        IdempotencyKey key = IdempotencyKey.fromHeader(keyHeader);
        ClaimResult result = claims.claim(user, key, couponId);
        if (result.duplicated()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(new ClaimAnswer(result.claim(), true));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new ClaimAnswer(result.claim(), false));
    }
}
