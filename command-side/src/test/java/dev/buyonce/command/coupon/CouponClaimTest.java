package dev.buyonce.command.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CouponClaimTest {
    static final CouponId COUPON = new CouponId("five-off");
    static final UserId ALICE = new UserId("alice");
    static final ClaimId CLAIM = ClaimId.of(COUPON, ALICE);
    static final ClaimKeyId KEY = ClaimKeyId.of(ALICE, new IdempotencyKey("k1"));
    static final ClaimKeyId OTHER_KEY = ClaimKeyId.of(ALICE, new IdempotencyKey("k2"));
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");
    static final CouponDiscount FIVE_OFF = CouponDiscount.fixed(Money.of("5.00", "CNY"));
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("order-1"));
    static final OrderId OTHER_ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("order-2"));

    AggregateTestFixture<CouponClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CouponClaim.class);
    }

    static OpenCouponClaim open(ClaimKeyId key, Integer bucket) {
        return new OpenCouponClaim(CLAIM, COUPON, ALICE, key, bucket, FIVE_OFF, UNTIL, NOW);
    }

    static CouponClaimed claimed() {
        return new CouponClaimed(CLAIM, COUPON, ALICE, KEY, 3, FIVE_OFF, UNTIL, NOW);
    }

    static RedeemCoupon redeem(OrderId order, String subtotal, Instant at) {
        return new RedeemCoupon(COUPON, ALICE, order, Money.of(subtotal, "CNY"), at);
    }

    @Test
    void theFirstClaimIsOpenedFromItsBucket() {
        fixture.givenNoPriorActivity()
                .when(open(KEY, 3))
                .expectEvents(claimed())
                .expectResultMessagePayload(new ClaimResult(
                        new CouponClaimView(CLAIM, COUPON, ClaimStatus.CLAIMED, null, NOW, UNTIL), false));
    }

    @Test
    void theSameKeyAgainIsAReplayThatStoresNothing() {
        fixture.given(claimed())
                .when(open(KEY, 5))
                .expectNoEvents()
                .expectResultMessagePayload(new ClaimResult(
                        new CouponClaimView(CLAIM, COUPON, ClaimStatus.CLAIMED, null, NOW, UNTIL), true));
    }

    @Test
    void anotherKeyOfTheSameUserIsRefusedNamingTheClaim() {
        fixture.given(claimed())
                .when(open(OTHER_KEY, 5))
                .expectException(CouponAlreadyClaimed.class)
                .expectExceptionMessage("you already claimed coupon five-off")
                .expectNoEvents();
    }

    @Test
    void noStockLeftRefusesANewClaimButNotAReplay() {
        fixture.givenNoPriorActivity()
                .when(open(KEY, null))
                .expectException(CouponSoldOut.class);
        fixture.given(claimed())
                .when(open(KEY, null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOrderRedeemsTheClaimForItsDiscount() {
        fixture.given(claimed())
                .when(redeem(ORDER, "19.80", NOW))
                .expectEvents(new CouponRedeemed(CLAIM, COUPON, ALICE, ORDER, Money.of("5.00", "CNY"), NOW))
                .expectResultMessagePayload(Money.of("5.00", "CNY"));
    }

    @Test
    void aPercentageIsRoundedToTheCent() {
        CouponDiscount third = CouponDiscount.percent(33);
        assertThat(third.off(Money.of("9.90", "CNY"))).contains(Money.of("3.27", "CNY"));
        assertThat(CouponDiscount.percent(100).off(Money.of("9.90", "CNY"))).contains(Money.of("9.90", "CNY"));
    }

    @Test
    void withoutAClaimThereIsNothingToRedeem() {
        fixture.givenNoPriorActivity()
                .when(redeem(ORDER, "19.80", NOW))
                .expectException(CouponNotClaimed.class)
                .expectNoEvents();
    }

    @Test
    void aClaimUsedByAnotherOrderIsRefusedNamingThatOrder() {
        fixture.given(claimed(), new CouponRedeemed(CLAIM, COUPON, ALICE, ORDER, Money.of("5.00", "CNY"), NOW))
                .when(redeem(OTHER_ORDER, "19.80", NOW))
                .expectException(CouponAlreadyUsed.class)
                .expectNoEvents();
    }

    @Test
    void anExpiredClaimOrALargerDiscountDoesNotApply() {
        fixture.given(claimed())
                .when(redeem(ORDER, "19.80", UNTIL))
                .expectException(CouponNotApplicable.class);
        fixture.given(claimed())
                .when(redeem(ORDER, "4.99", NOW))
                .expectException(CouponNotApplicable.class)
                .expectNoEvents();
        fixture.given(claimed())
                .when(new RedeemCoupon(COUPON, ALICE, ORDER, Money.of("50.00", "USD"), NOW))
                .expectException(CouponNotApplicable.class);
    }

    @Test
    void theOrderThatUsedItGivesItBackOnce() {
        CouponRedeemed used = new CouponRedeemed(CLAIM, COUPON, ALICE, ORDER, Money.of("5.00", "CNY"), NOW);
        fixture.given(claimed(), used)
                .when(new ReturnCoupon(COUPON, ALICE, ORDER, NOW))
                .expectEvents(new CouponReturned(CLAIM, COUPON, ALICE, ORDER, NOW));
        fixture.given(claimed(), used, new CouponReturned(CLAIM, COUPON, ALICE, ORDER, NOW))
                .when(new ReturnCoupon(COUPON, ALICE, ORDER, NOW))
                .expectNoEvents();
        fixture.given(claimed(), used)
                .when(new ReturnCoupon(COUPON, ALICE, OTHER_ORDER, NOW))
                .expectNoEvents();
    }

    @Test
    void aClaimGivenBackCanBeUsedByTheNextOrder() {
        fixture.given(claimed(), new CouponRedeemed(CLAIM, COUPON, ALICE, ORDER, Money.of("5.00", "CNY"), NOW),
                        new CouponReturned(CLAIM, COUPON, ALICE, ORDER, NOW))
                .when(redeem(OTHER_ORDER, "9.90", NOW))
                .expectEvents(new CouponRedeemed(CLAIM, COUPON, ALICE, OTHER_ORDER, Money.of("5.00", "CNY"), NOW));
    }
}
