package dev.buyonce.command.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.buyonce.command.coupon.CouponRedemptions;
import dev.buyonce.command.entitlement.EntitlementOwnership;
import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.command.ticket.TicketLimitExceeded;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import dev.buyonce.kernel.payment.ExpireOrder;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RecordPaymentRefund;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.kernel.ticket.PlaceTicketOrder;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of an order for seats: what it records, how a retry meets it, and what it refuses up front. */
class TicketOrderTest {
    static final UserId ALICE = new UserId("alice");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("tickets-1"));
    static final ProgramId SHOW = new ProgramId("show");
    static final List<SeatId> SEATS = List.of(new SeatId("A-1"), new SeatId("A-2"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);
    static final OrderLine FLOOR = new OrderLine(new ProductId("show.floor"), ProductKind.CONSUMABLE, 2, Money.of("280.00", "CNY"));

    AggregateTestFixture<Order> fixture;
    final SeatReservations seats = mock(SeatReservations.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new EntitlementReservations() {
            @Override
            public void reserve(UserId user, ProductId product, OrderId orderId, Instant at) {
                throw new AssertionError("a ticket order reserves no permanent product");
            }

            @Override
            public void release(UserId user, ProductId product, OrderId orderId, Instant at) {
            }
        });
        fixture.registerInjectableResource(seats);
        fixture.registerInjectableResource(mock(CouponRedemptions.class));
        fixture.registerInjectableResource(mock(EntitlementOwnership.class));
    }

    static PlaceOrder place(String fingerprint, List<SeatId> seats) {
        return new PlaceOrder(ORDER, ALICE, List.of(FLOOR), fingerprint, NOW, DEADLINE, SHOW, seats);
    }

    static OrderPlaced placed(String fingerprint) {
        return new OrderPlaced(ORDER, ALICE, List.of(FLOOR), Money.of("560.00", "CNY"), NOW, DEADLINE, fingerprint, SHOW, SEATS);
    }

    @Test
    void aTicketOrderRecordsItsProgramAndSeatsAndAnswersThem() {
        fixture.givenNoPriorActivity()
                .when(place("fp", SEATS))
                .expectEvents(placed("fp"))
                .expectResultMessagePayloadMatching(predicate(result ->
                        result instanceof PlaceOrderResult r && !r.duplicated() && r.order().seats().equals(SEATS)));
    }

    @Test
    void aRetryWithAFreshPickMeetsTheOriginalOrderAndItsSeats() {
        fixture.given(placed("fp"))
                .when(place("fp", List.of(new SeatId("B-7"), new SeatId("B-8"))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(predicate(result ->
                        result instanceof PlaceOrderResult r && r.duplicated() && r.order().seats().equals(SEATS)));
    }

    @Test
    void theSameKeyForOtherSeatsIsRefused() {
        fixture.given(placed("fp"))
                .when(place("other-fp", SEATS))
                .expectException(IdempotencyKeyReused.class)
                .expectNoEvents();
    }

    @Test
    void moreSeatsThanThePerOrderLimitAreRefusedBeforeAnythingIsTouched() {
        TicketOrderHandler handler = new TicketOrderHandler(null, null);
        PlaceTicketOrder tooMany = new PlaceTicketOrder(ORDER, ALICE, SHOW,
                List.of(new SeatId("A-1"), new SeatId("A-2"), new SeatId("A-3")), List.of(FLOOR), 2, 6, "fp", NOW, DEADLINE, null);
        assertThatThrownBy(() -> handler.handle(tooMany)).isInstanceOf(TicketLimitExceeded.class);
    }

    @Test
    void theFingerprintCoversWhatWasAskedNotTheSeatOrderNorThePick() {
        PlaceOrderRequest chosen = new PlaceOrderRequest(null, "show", List.of("A-1", "A-2"), null, null, null);
        PlaceOrderRequest reordered = new PlaceOrderRequest(null, "show", List.of("A-2", "A-1"), null, null, null);
        PlaceOrderRequest picked = new PlaceOrderRequest(null, "show", null, "floor", 2, null);
        PlaceOrderRequest more = new PlaceOrderRequest(null, "show", null, "floor", 3, null);
        assertThat(TicketOrderPlacement.fingerprint(chosen)).isEqualTo(TicketOrderPlacement.fingerprint(reordered));
        assertThat(List.of(TicketOrderPlacement.fingerprint(chosen), TicketOrderPlacement.fingerprint(picked),
                TicketOrderPlacement.fingerprint(more))).doesNotHaveDuplicates();
    }

    @Test
    void cancellingGivesTheSeatsAndTicketsBackInTheSameUnitOfWork() {
        Instant at = NOW.plusSeconds(60);
        fixture.given(placed("fp"))
                .when(new CancelOrder(ORDER, ALICE, at))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, at));
        verify(seats).release(ALICE, SHOW, SEATS, ORDER, at);
    }

    @Test
    void theDeadlineGivesTheSeatsAndTicketsBack() {
        fixture.given(placed("fp"))
                .when(new ExpireOrder(ORDER, DEADLINE))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, DEADLINE));
        verify(seats).release(ALICE, SHOW, SEATS, ORDER, DEADLINE);
    }

    @Test
    void payingSellsTheSeatsInTheSameUnitOfWorkAndReleasesNone() {
        PaymentId payment = PaymentId.forAttempt(ORDER, new IdempotencyKey("pay-1"));
        Money total = Money.of("560.00", "CNY");
        Instant paidAt = NOW.plusSeconds(120);
        fixture.given(placed("fp"), new PaymentRequested(ORDER, payment, ALICE, "sandbox", "sandbox-card", total, NOW, DEADLINE))
                .when(new RecordPaymentCapture(ORDER, payment, "sandbox", total, paidAt))
                .expectEvents(new OrderPaid(ORDER, ALICE, payment, total, paidAt));
        verify(seats).sell(SHOW, SEATS, ORDER, paidAt);
        verify(seats, never()).release(ALICE, SHOW, SEATS, ORDER, paidAt);
    }

    @Test
    void aRefundGivesTheSoldSeatsAndTicketsBack() {
        PaymentId payment = PaymentId.forAttempt(ORDER, new IdempotencyKey("pay-1"));
        Money total = Money.of("560.00", "CNY");
        RefundId refund = RefundId.forPayment(payment);
        Instant refundedAt = NOW.plusSeconds(3600);
        fixture.given(placed("fp"), new PaymentRequested(ORDER, payment, ALICE, "sandbox", "sandbox-card", total, NOW, DEADLINE),
                        new OrderPaid(ORDER, ALICE, payment, total, NOW.plusSeconds(60)))
                .when(new RecordPaymentRefund(ORDER, payment, refund, total, refundedAt))
                .expectEvents(new PaymentRefunded(ORDER, payment, refund, total, refundedAt),
                        new OrderRefunded(ORDER, ALICE, payment, total, refundedAt));
        verify(seats).release(ALICE, SHOW, SEATS, ORDER, refundedAt);
    }
}
