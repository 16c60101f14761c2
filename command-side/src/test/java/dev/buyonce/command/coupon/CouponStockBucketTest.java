package dev.buyonce.command.coupon;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponStockTaken;
import dev.buyonce.kernel.coupon.StockBucketId;
import dev.buyonce.kernel.coupon.TakeCouponStock;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CouponStockBucketTest {
    static final CouponId COUPON = new CouponId("rush");
    static final StockBucketId BUCKET = StockBucketId.of(COUPON, 2);
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    AggregateTestFixture<CouponStockBucket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CouponStockBucket.class);
    }

    static ClaimId claim(String user) {
        return ClaimId.of(COUPON, new UserId(user));
    }

    static CouponStockTaken taken(String user) {
        return new CouponStockTaken(BUCKET, COUPON, 2, claim(user), NOW);
    }

    @Test
    void aFullBucketGivesAUnit() {
        fixture.givenNoPriorActivity()
                .when(new TakeCouponStock(COUPON, 2, 2, claim("a"), NOW))
                .expectEvents(taken("a"));
    }

    @Test
    void theLastUnitGoesAndThenTheBucketIsEmpty() {
        fixture.given(taken("a"))
                .when(new TakeCouponStock(COUPON, 2, 2, claim("b"), NOW))
                .expectEvents(taken("b"));
        fixture.given(taken("a"), taken("b"))
                .when(new TakeCouponStock(COUPON, 2, 2, claim("c"), NOW))
                .expectException(BucketEmpty.class)
                .expectNoEvents();
    }
}
