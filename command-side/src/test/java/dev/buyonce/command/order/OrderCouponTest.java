package dev.buyonce.command.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.buyonce.command.coupon.CouponNotApplicable;
import dev.buyonce.command.coupon.CouponRedemptions;
import dev.buyonce.command.entitlement.EntitlementOwnership;
import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.payment.ExpireOrder;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RequestPayment;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order that uses a coupon: the discount comes off its total, and the claim is given back only if it ends unpaid. */
class OrderCouponTest {
    static final UserId ALICE = new UserId("alice");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("key-1"));
    static final CouponId COUPON = new CouponId("five-off");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);
    static final OrderLine COFFEE = new OrderLine(new ProductId("coffee"), ProductKind.CONSUMABLE, 2, Money.of("9.90", "CNY"));
    static final Money FIVE = Money.of("5.00", "CNY");
    static final OrderPlaced PLACED = new OrderPlaced(ORDER, ALICE, List.of(COFFEE), Money.of("14.80", "CNY"), NOW,
            DEADLINE, "fp", null, List.of(), COUPON, FIVE);

    AggregateTestFixture<Order> fixture;
    CouponRedemptions coupons;

    @BeforeEach
    void setUp() {
        coupons = mock(CouponRedemptions.class);
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(coupons);
        fixture.registerInjectableResource(mock(SeatReservations.class));
        fixture.registerInjectableResource(mock(EntitlementReservations.class));
        fixture.registerInjectableResource(mock(EntitlementOwnership.class));
    }

    static PlaceOrder place() {
        return new PlaceOrder(ORDER, ALICE, List.of(COFFEE), "fp", NOW, DEADLINE, null, List.of(), COUPON);
    }

    @Test
    void theClaimsDiscountComesOffTheTotal() {
        when(coupons.redeem(ALICE, COUPON, ORDER, Money.of("19.80", "CNY"), NOW)).thenReturn(FIVE);
        fixture.givenNoPriorActivity()
                .when(place())
                .expectEvents(PLACED);
        verify(coupons).redeem(ALICE, COUPON, ORDER, Money.of("19.80", "CNY"), NOW);
    }

    @Test
    void aCouponThatDoesNotApplyPlacesNothing() {
        when(coupons.redeem(any(), any(), any(), any(), any())).thenThrow(new CouponNotApplicable(COUPON, "expired"));
        fixture.givenNoPriorActivity()
                .when(place())
                .expectException(CouponNotApplicable.class)
                .expectNoEvents();
    }

    @Test
    void aReplayOfTheOrderDoesNotRedeemAgain() {
        fixture.given(PLACED)
                .when(place())
                .expectNoEvents();
        verify(coupons, never()).redeem(any(), any(), any(), any(), any());
    }

    @Test
    void cancellingGivesTheClaimBack() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, ALICE, NOW))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, NOW));
        verify(coupons).giveBack(ALICE, COUPON, ORDER, NOW);
    }

    @Test
    void thePaymentDeadlineGivesTheClaimBack() {
        fixture.given(PLACED)
                .when(new ExpireOrder(ORDER, DEADLINE))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, DEADLINE));
        verify(coupons).giveBack(ALICE, COUPON, ORDER, DEADLINE);
    }

    @Test
    void theDiscountedTotalIsChargedAndAPaidOrderKeepsTheClaim() {
        PaymentId payment = PaymentId.forAttempt(ORDER, new IdempotencyKey("pay-1"));
        fixture.given(PLACED)
                .when(new RequestPayment(ORDER, payment, ALICE, "sandbox", "card", NOW))
                .expectEvents(new PaymentRequested(ORDER, payment, ALICE, "sandbox", "card", Money.of("14.80", "CNY"), NOW, DEADLINE));
        fixture.given(PLACED, new PaymentRequested(ORDER, payment, ALICE, "sandbox", "card", Money.of("14.80", "CNY"), NOW, DEADLINE))
                .when(new RecordPaymentCapture(ORDER, payment, "sandbox", Money.of("14.80", "CNY"), NOW))
                .expectEvents(new OrderPaid(ORDER, ALICE, payment, Money.of("14.80", "CNY"), NOW));
        fixture.given(PLACED, new PaymentRequested(ORDER, payment, ALICE, "sandbox", "card", Money.of("14.80", "CNY"), NOW, DEADLINE),
                        new OrderPaid(ORDER, ALICE, payment, Money.of("14.80", "CNY"), NOW))
                .when(new ExpireOrder(ORDER, DEADLINE))
                .expectNoEvents();
        verify(coupons, never()).giveBack(any(), any(), any(), any());
    }
}
