package dev.buyonce.command.coupon;

import static org.axonframework.test.matchers.Matchers.predicate;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.coupon.CouponDefined;
import dev.buyonce.kernel.coupon.CouponDefinition;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.kernel.coupon.CouponWithdrawn;
import dev.buyonce.kernel.coupon.DefineCoupon;
import dev.buyonce.kernel.coupon.WithdrawCoupon;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CouponTest {
    static final CouponId SPRING = new CouponId("spring-10");
    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");
    static final CouponDiscount TEN_PERCENT = CouponDiscount.percent(10);

    AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
    }

    static DefineCoupon define(int stock, CouponDiscount discount) {
        return new DefineCoupon(SPRING, "Spring sale", discount, stock, FROM, UNTIL);
    }

    static CouponDefined defined(int stock, int buckets, CouponDiscount discount) {
        return new CouponDefined(SPRING, "Spring sale", discount, stock, buckets, FROM, UNTIL);
    }

    @Test
    void aNewCouponSplitsItsStockOverSixteenBuckets() {
        fixture.givenNoPriorActivity()
                .when(define(1000, TEN_PERCENT))
                .expectEvents(defined(1000, 16, TEN_PERCENT))
                .expectResultMessagePayload(CouponDefinition.CREATED);
    }

    @Test
    void aSmallStockHasOneBucketPerUnitSoNoneStartsEmpty() {
        fixture.givenNoPriorActivity()
                .when(define(3, TEN_PERCENT))
                .expectEvents(defined(3, 3, TEN_PERCENT));
    }

    @Test
    void theSameDefinitionAgainChangesNothing() {
        fixture.given(defined(1000, 16, TEN_PERCENT))
                .when(define(1000, TEN_PERCENT))
                .expectNoEvents()
                .expectResultMessagePayload(CouponDefinition.UNCHANGED);
    }

    @Test
    void anotherDefinitionUnderTheSameIdIsAConflict() {
        fixture.given(defined(1000, 16, TEN_PERCENT))
                .when(define(1000, CouponDiscount.fixed(Money.of("5.00", "CNY"))))
                .expectException(CouponConflict.class)
                .expectNoEvents();
    }

    @Test
    void withdrawingStopsClaimsOnceAndAgainIsTheSame() {
        Instant at = FROM.plusSeconds(60);
        fixture.given(defined(1000, 16, TEN_PERCENT))
                .when(new WithdrawCoupon(SPRING, at))
                .expectEvents(new CouponWithdrawn(SPRING, at))
                .expectResultMessagePayloadMatching(predicate(v -> v instanceof CouponView c && at.equals(c.withdrawnAt())));
        fixture.given(defined(1000, 16, TEN_PERCENT), new CouponWithdrawn(SPRING, at))
                .when(new WithdrawCoupon(SPRING, at.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void anUnknownCouponCannotBeWithdrawn() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawCoupon(SPRING, FROM))
                .expectException(AggregateNotFoundException.class);
    }
}
