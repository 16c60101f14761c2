package dev.buyonce.command.order;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.buyonce.command.coupon.CouponRedemptions;
import dev.buyonce.command.entitlement.EntitlementOwnership;
import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.payment.CaptureRejection;
import dev.buyonce.kernel.payment.ExpireOrder;
import dev.buyonce.kernel.payment.ExpireUnattemptedOrder;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefundRequested;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentAttemptView;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.PaymentStatus;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RecordPaymentClosed;
import dev.buyonce.kernel.payment.RecordPaymentRefund;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.kernel.payment.RefundOrder;
import dev.buyonce.kernel.payment.RequestPayment;
import dev.buyonce.kernel.payment.RequestPaymentResult;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order's side of paying: one kept capture, every other capture rejected once, refunds, expiry. */
class OrderPaymentTest {
    static final UserId ALICE = new UserId("alice");
    static final ProductId LIFETIME = new ProductId("lifetime");
    static final Money PRICE = Money.of("199.00", "CNY");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("order-key"));
    static final PaymentId CARD = PaymentId.forAttempt(ORDER, new IdempotencyKey("pay-1"));
    static final PaymentId WALLET = PaymentId.forAttempt(ORDER, new IdempotencyKey("pay-2"));
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant DEADLINE = T0.plusSeconds(900);

    AggregateTestFixture<Order> fixture;
    EntitlementOwnership ownership;
    EntitlementReservations reservations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(mock(SeatReservations.class));
        fixture.registerInjectableResource(mock(CouponRedemptions.class));
        ownership = mock(EntitlementOwnership.class);
        reservations = mock(EntitlementReservations.class);
        fixture.registerInjectableResource(ownership);
        fixture.registerInjectableResource(reservations);
    }

    static OrderPlaced placed() {
        return new OrderPlaced(ORDER, ALICE, List.of(new OrderLine(LIFETIME, ProductKind.PERMANENT, 1, PRICE)), PRICE,
                T0, DEADLINE, "fingerprint");
    }

    static PaymentRequested requested(PaymentId id, String channel) {
        return new PaymentRequested(ORDER, id, ALICE, "sandbox", channel, PRICE, T0, DEADLINE);
    }

    @Test
    void opensAPaymentAttemptForTheOrderTotal() {
        fixture.given(placed())
                .when(new RequestPayment(ORDER, CARD, ALICE, "sandbox", "sandbox-card", T0))
                .expectEvents(requested(CARD, "sandbox-card"))
                .expectResultMessagePayload(new RequestPaymentResult(new PaymentAttemptView(CARD, ORDER, "sandbox-card",
                        PaymentStatus.PENDING, PRICE, T0, null), "sandbox", false));
    }

    @Test
    void answersARepeatedRequestWithTheSameAttemptMarkedAsDuplicate() {
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RequestPayment(ORDER, CARD, ALICE, "sandbox", "sandbox-card", T1))
                .expectNoEvents()
                .expectResultMessagePayload(new RequestPaymentResult(new PaymentAttemptView(CARD, ORDER, "sandbox-card",
                        PaymentStatus.PENDING, PRICE, T0, null), "sandbox", true));
    }

    @Test
    void refusesTheSameKeyForAnotherChannel() {
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RequestPayment(ORDER, CARD, ALICE, "sandbox", "sandbox-wallet", T1))
                .expectException(IdempotencyKeyReused.class)
                .expectNoEvents();
    }

    @Test
    void anotherUsersOrderIsNotFound() {
        fixture.given(placed())
                .when(new RequestPayment(ORDER, CARD, new UserId("mallory"), "sandbox", "sandbox-card", T0))
                .expectException(OrderNotFound.class);
    }

    @Test
    void rejectsPayingACancelledOrder() {
        fixture.given(placed(), new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, T1))
                .when(new RequestPayment(ORDER, CARD, ALICE, "sandbox", "sandbox-card", T1))
                .expectException(OrderNotPayable.class);
    }

    @Test
    void aMatchingCapturePaysTheOrderAndGrantsThePermanentProduct() {
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, T1))
                .expectEvents(new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .expectState(order -> verify(ownership).grant(ALICE, LIFETIME, ORDER, T1));
    }

    @Test
    void aCaptureForAProductOwnedMeanwhileIsRejectedAndTheOrderCancelled() {
        when(ownership.ownedOtherwise(ALICE, LIFETIME, ORDER)).thenReturn(true);
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, T1))
                .expectEvents(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.PRODUCT_ALREADY_OWNED, T1),
                        new OrderCancelled(ORDER, ALICE, CancellationReason.PRODUCT_ALREADY_OWNED, T1))
                .expectState(order -> {
                    verify(reservations).release(ALICE, LIFETIME, ORDER, T1);
                    verify(ownership, never()).grant(ALICE, LIFETIME, ORDER, T1);
                });
    }

    @Test
    void theSameCaptureToldAgainChangesNothing() {
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, T1.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondCaptureOfAPaidOrderIsRejectedOnce() {
        fixture.given(placed(), requested(CARD, "sandbox-card"), requested(WALLET, "sandbox-wallet"),
                        new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new RecordPaymentCapture(ORDER, WALLET, "sandbox", PRICE, T1))
                .expectEvents(new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.ALREADY_PAID, T1));

        fixture.given(placed(), requested(CARD, "sandbox-card"), requested(WALLET, "sandbox-wallet"),
                        new OrderPaid(ORDER, ALICE, CARD, PRICE, T1),
                        new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.ALREADY_PAID, T1))
                .when(new RecordPaymentCapture(ORDER, WALLET, "sandbox", PRICE, T1))
                .expectNoEvents();
    }

    @Test
    void moneyForACancelledOrderIsRejected() {
        fixture.given(placed(), requested(CARD, "sandbox-card"),
                        new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, T1))
                .when(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, T1))
                .expectEvents(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, T1));
    }

    @Test
    void aWrongAmountIsRejectedAndTheOrderStaysUnpaid() {
        Money less = Money.of("1.00", "CNY");
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RecordPaymentCapture(ORDER, CARD, "sandbox", less, T1))
                .expectEvents(new PaymentCaptureRejected(ORDER, CARD, "sandbox", less, CaptureRejection.AMOUNT_MISMATCH, T1))
                .expectState(order -> verify(ownership, never()).grant(ALICE, LIFETIME, ORDER, T1));
    }

    @Test
    void aCaptureOfAnUnknownAttemptIsRejected() {
        fixture.given(placed())
                .when(new RecordPaymentCapture(ORDER, WALLET, "sandbox", PRICE, T1))
                .expectEvents(new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.UNKNOWN_ATTEMPT, T1));
    }

    @Test
    void closesOnlyAPendingAttempt() {
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new RecordPaymentClosed(ORDER, CARD, T1))
                .expectEvents(new PaymentAttemptClosed(ORDER, CARD, T1));
        fixture.given(placed(), requested(CARD, "sandbox-card"), new PaymentAttemptClosed(ORDER, CARD, T1))
                .when(new RecordPaymentClosed(ORDER, CARD, T1))
                .expectNoEvents();
    }

    @Test
    void expiringAnUnpaidOrderCancelsItAndReleasesTheReservation() {
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new ExpireOrder(ORDER, T1))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, T1))
                .expectState(order -> verify(reservations).release(ALICE, LIFETIME, ORDER, T1));
    }

    @Test
    void anOrderNobodyTriedToPayIsCancelledByTheSweepOnceItsDeadlinePassed() {
        fixture.given(placed())
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, DEADLINE))
                .expectState(order -> verify(reservations).release(ALICE, LIFETIME, ORDER, DEADLINE));
    }

    @Test
    void theSweepLeavesAnOrderBeforeItsDeadline() {
        fixture.given(placed())
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE.minusMillis(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSweepLeavesAnOrderSomeoneAskedToPayToItsSaga() {
        // the attempt may have been asked for after the sweep read the view: the order itself decides
        fixture.given(placed(), requested(CARD, "sandbox-card"))
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(placed(), requested(CARD, "sandbox-card"), new PaymentAttemptClosed(ORDER, CARD, T1))
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void theSweepExpiresAnOrderWhoseOnlyCaptureWasForAnUnknownAttempt() {
        // money for an attempt the order never opened is rejected (and refunded); nobody asked to pay it
        fixture.given(placed(), new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.UNKNOWN_ATTEMPT, T1))
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.PAYMENT_DEADLINE_PASSED, DEADLINE));
    }

    @Test
    void theSweepLeavesAPaidOrCancelledOrderAlone() {
        fixture.given(placed(), new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, T1))
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE))
                .expectNoEvents();
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new ExpireUnattemptedOrder(ORDER, DEADLINE))
                .expectNoEvents();
    }

    @Test
    void expiringAPaidOrderChangesNothing() {
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new ExpireOrder(ORDER, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAdminRefundAsksForTheRefundOfThePaidAttempt() {
        UserId admin = new UserId("admin");
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new RefundOrder(ORDER, admin, T1))
                .expectEvents(new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", RefundId.forPayment(CARD), PRICE,
                        admin, T1));
    }

    @Test
    void refusesToRefundAnUnpaidOrder() {
        fixture.given(placed())
                .when(new RefundOrder(ORDER, new UserId("admin"), T1))
                .expectException(OrderNotRefundable.class);
    }

    @Test
    void theConfirmedRefundOfThePaidAttemptRefundsTheOrderAndRevokesTheProduct() {
        RefundId refund = RefundId.forPayment(CARD);
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1),
                        new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", refund, PRICE, new UserId("admin"), T1))
                .when(new RecordPaymentRefund(ORDER, CARD, refund, PRICE, T1))
                .expectEvents(new PaymentRefunded(ORDER, CARD, refund, PRICE, T1),
                        new OrderRefunded(ORDER, ALICE, CARD, PRICE, T1))
                .expectState(order -> verify(ownership).revoke(ALICE, LIFETIME, ORDER, T1));
    }

    @Test
    void refundingARejectedCaptureLeavesThePaidOrderPaid() {
        RefundId refund = RefundId.forPayment(WALLET);
        fixture.given(placed(), requested(CARD, "sandbox-card"), requested(WALLET, "sandbox-wallet"),
                        new OrderPaid(ORDER, ALICE, CARD, PRICE, T1),
                        new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.ALREADY_PAID, T1))
                .when(new RecordPaymentRefund(ORDER, WALLET, refund, PRICE, T1))
                .expectEvents(new PaymentRefunded(ORDER, WALLET, refund, PRICE, T1))
                .expectState(order -> verify(ownership, never()).revoke(ALICE, LIFETIME, ORDER, T1));
        fixture.given(placed(), requested(WALLET, "sandbox-wallet"), new PaymentRefunded(ORDER, WALLET, refund, PRICE, T1))
                .when(new RecordPaymentRefund(ORDER, WALLET, refund, PRICE, T1))
                .expectNoEvents();
    }

    @Test
    void theOrderStatusFollowsPayment() {
        fixture.given(placed(), requested(CARD, "sandbox-card"), new OrderPaid(ORDER, ALICE, CARD, PRICE, T1))
                .when(new RequestPayment(ORDER, WALLET, ALICE, "sandbox", "sandbox-wallet", T1))
                .expectException(OrderNotPayable.class)
                .expectExceptionMessage("order " + ORDER + " is " + OrderStatus.PAID + " and cannot be paid");
    }
}
