package dev.buyonce.query.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.CouponDefined;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponWithdrawn;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.signal.LocalSignals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coupon definitions: a row each, held in memory at once, claimable by the clock, with the stock counted per bucket. */
class ClaimableCouponsTest extends ProjectionTest {
    static final CouponId SPRING = new CouponId("spring");
    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");
    static final CouponDefined DEFINED = new CouponDefined(SPRING, "Spring", CouponDiscount.fixed(Money.of("5", "CNY")), 5, 3,
            FROM, UNTIL);
    static final List<Stored> HISTORY = List.of(at(0, DEFINED), at(1, new CouponWithdrawn(SPRING, FROM.plusSeconds(60))));

    @Autowired
    CouponRepository repository;
    @Autowired
    ClaimRepository claims;
    ClaimableCoupons coupons;
    CouponStock stock;

    ClaimableCouponsTest() {
        super(HISTORY, Map.of("coupon_view", "coupon_id"));
    }

    @BeforeEach
    void setUp() {
        stock = new CouponStock(claims);
        coupons = new ClaimableCoupons(repository, stock);
        under(new CouponProjection(repository, coupons, LocalSignals.to(coupons, stock)));
    }

    @Test
    void aDefinedCouponIsStoredAndClaimableInsideItsWindowOnly() {
        given(at(0, DEFINED));

        assertThat(onlyRow("coupon_view")).isEqualTo(columns("coupon_id", "spring", "name", "Spring",
                "discount_amount", new BigDecimal("5.00"), "discount_currency", "CNY", "discount_percent", null, "stock", 5,
                "buckets", 3, "valid_from", FROM, "valid_until", UNTIL, "withdrawn_at", null));
        assertThat(coupons.claimable(SPRING, FROM.minusMillis(1))).isEmpty();
        assertThat(coupons.claimable(SPRING, FROM)).isPresent();
        assertThat(coupons.claimable(SPRING, UNTIL.minusMillis(1))).isPresent();
        assertThat(coupons.claimable(SPRING, UNTIL)).isEmpty();
        assertThat(coupons.claimable(new CouponId("unknown"), FROM)).isEmpty();
    }

    @Test
    void aWithdrawnCouponIsNoLongerClaimableOnThisNodeNorAfterARestart() {
        given(HISTORY);

        assertThat(coupons.claimable(SPRING, FROM.plusSeconds(120))).isEmpty();
        ClaimableCoupons restarted = new ClaimableCoupons(repository, new CouponStock(claims));
        restarted.refresh();
        assertThat(restarted.claimable(SPRING, FROM.plusSeconds(120))).isEmpty();
        assertThat(restarted.claimableAt(FROM.plusSeconds(120))).isEmpty();
    }

    @Test
    void theRemainingStockIsCountedPerBucketAndEmptyBucketsAreKnown() {
        given(at(0, DEFINED));
        // shares of 5 over 3 buckets: 2, 2, 1
        for (String user : List.of("a", "b", "c")) {
            claims.save(new ClaimEntity(ClaimId.of(SPRING, new UserId(user)).value(), "spring", user, user.equals("c") ? 2 : 0,
                    "CLAIMED", FROM, UNTIL, 0));
        }
        endUnitOfWork();

        stock.changed("spring");
        stock.recountChanged();

        assertThat(coupons.emptyBuckets(SPRING)).containsExactlyInAnyOrder(0, 2);
        assertThat(coupons.claimableAt(FROM).get(0).remaining()).isEqualTo(2);
    }
}
