package dev.buyonce.saga.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
import dev.buyonce.kernel.payment.CaptureRejection;
import dev.buyonce.kernel.payment.ExpireOrder;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefundRequested;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RecordPaymentClosed;
import dev.buyonce.kernel.payment.RecordPaymentRefund;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.ProviderPaymentState;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of the payment saga, given the order's events and a scripted provider. */
class PaymentSagaTest {
    static final UserId ALICE = new UserId("alice");
    static final Money PRICE = Money.of("199.00", "CNY");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("order"));
    static final PaymentId CARD = PaymentId.forAttempt(ORDER, new IdempotencyKey("card"));
    static final PaymentId WALLET = PaymentId.forAttempt(ORDER, new IdempotencyKey("wallet"));
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final PaymentTimings TIMINGS = new PaymentTimings(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(1), 2);

    SagaTestFixture<PaymentSaga> fixture;
    PaymentProvider provider;
    Instant start;

    /** Status checks only after the payment deadline: nothing but the deadline acts. */
    static final PaymentTimings NO_STATUS_CHECK = new PaymentTimings(Duration.ofMinutes(20), Duration.ofMinutes(20),
            Duration.ofMinutes(1), 2);

    @BeforeEach
    void setUp() {
        withTimings(TIMINGS);
    }

    void withTimings(PaymentTimings timings) {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        provider = mock(PaymentProvider.class);
        when(provider.name()).thenReturn("sandbox");
        fixture.registerResource(new PaymentProviders(List.of(provider)));
        fixture.registerResource(timings);
        start = fixture.currentTime();
        pending(CARD);
        pending(WALLET);
    }

    OrderPlaced placed() {
        return new OrderPlaced(ORDER, ALICE, List.of(new OrderLine(new ProductId("lifetime"), ProductKind.PERMANENT, 1,
                PRICE)), PRICE, start, start.plus(TIMEOUT), "fingerprint");
    }

    PaymentRequested requested(PaymentId paymentId, String channel) {
        return new PaymentRequested(ORDER, paymentId, ALICE, "sandbox", channel, PRICE, start);
    }

    void pending(PaymentId paymentId) {
        when(provider.query(paymentId)).thenReturn(new ProviderPayment(paymentId, ProviderPaymentState.PENDING, null, null));
        when(provider.close(paymentId)).thenReturn(new ProviderPayment(paymentId, ProviderPaymentState.CLOSED, null, null));
    }

    ProviderPayment captured(PaymentId paymentId, Money amount, Instant at) {
        ProviderPayment payment = new ProviderPayment(paymentId, ProviderPaymentState.CAPTURED, amount, at);
        when(provider.query(paymentId)).thenReturn(payment);
        when(provider.close(paymentId)).thenReturn(payment);
        return payment;
    }

    @Test
    void startsWithTheOrderAndSchedulesItsPaymentDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.toString())
                .expectScheduledDeadlineWithName(start.plus(TIMEOUT), PaymentSaga.PAYMENT_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void aPaymentRequestSchedulesAStatusCheckForAnOverdueCallback() {
        fixture.givenAPublished(placed())
                .whenPublishingA(requested(CARD, "sandbox-card"))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), PaymentSaga.STATUS_CHECK)
                .expectNoDispatchedCommands();
    }

    @Test
    void theStatusCheckFindsALostCaptureAndTellsTheOrder() {
        Instant paidAt = start.plusSeconds(10);
        captured(CARD, PRICE, paidAt);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectTriggeredDeadlinesWithName(PaymentSaga.STATUS_CHECK)
                .expectDispatchedCommands(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, paidAt));
    }

    @Test
    void theStatusCheckBacksOffWhileNothingWasPaid() {
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), PaymentSaga.STATUS_CHECK);
    }

    @Test
    void aCapturePaysTheOrderOnceAndTheSagaEndsWhenNothingIsPending() {
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void deadlinesFiringAfterTheOrderWasPaidChangeNothing() {
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .whenTimeElapses(TIMEOUT.plusMinutes(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void switchingChannelClosesTheEarlierAttempt() {
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(requested(WALLET, "sandbox-wallet"))
                .expectDispatchedCommands(new RecordPaymentClosed(ORDER, CARD, start));
    }

    @Test
    void switchingChannelAfterTheEarlierAttemptWasPaidPaysTheOrderWithIt() {
        Instant paidAt = start.plusSeconds(3);
        captured(CARD, PRICE, paidAt);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(requested(WALLET, "sandbox-wallet"))
                .expectDispatchedCommands(new RecordPaymentCapture(ORDER, CARD, "sandbox", PRICE, paidAt));
    }

    @Test
    void whenPaidTheOtherPendingAttemptIsClosed() {
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .whenPublishingA(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .expectDispatchedCommands(new RecordPaymentClosed(ORDER, WALLET, start.plusSeconds(5)))
                .expectActiveSagas(1);
    }

    @Test
    void aSecondCaptureForAPaidOrderIsRefunded() {
        when(provider.refund(any())).thenReturn(RefundOutcome.REFUNDED);
        Instant at = start.plusSeconds(9);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .andThenAPublished(new OrderPaid(ORDER, ALICE, WALLET, PRICE, start.plusSeconds(5)))
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ALREADY_PAID, at))
                .expectDispatchedCommands(new RecordPaymentRefund(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at));
    }

    @Test
    void aWrongAmountIsRefundedAndTheOrderKeepsWaiting() {
        when(provider.refund(new RefundRequest(CARD, RefundId.forPayment(CARD), Money.of("1.00", "CNY"))))
                .thenReturn(RefundOutcome.REFUNDED);
        Instant at = start.plusSeconds(9);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", Money.of("1.00", "CNY"),
                        CaptureRejection.AMOUNT_MISMATCH, at))
                .expectDispatchedCommands(new RecordPaymentRefund(ORDER, CARD, RefundId.forPayment(CARD),
                        Money.of("1.00", "CNY"), at))
                .expectScheduledDeadlineWithName(start.plus(TIMEOUT), PaymentSaga.PAYMENT_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void moneyCapturedAfterTheSagaEndedStartsOneThatRefundsIt() {
        when(provider.refund(any())).thenReturn(RefundOutcome.REFUNDED);
        Instant at = start.plusSeconds(1000);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPaymentRefund(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at));
    }

    @Test
    void aConfirmedRefundEndsTheSaga() {
        when(provider.refund(any())).thenReturn(RefundOutcome.REFUNDED);
        Instant at = start.plusSeconds(1000);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenPublishingA(new PaymentRefunded(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at))
                .expectActiveSagas(0);
    }

    @Test
    void aRefusedRefundIsRetriedThenLeftForAHuman() {
        when(provider.refund(any())).thenReturn(RefundOutcome.REFUSED);
        Instant at = start.plusSeconds(5);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName(PaymentSaga.REFUND_RETRY)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PaymentSaga.REFUND_RETRY)
                .expectNoDispatchedCommands();
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void thePaymentDeadlineClosesTheAttemptAndCancelsTheOrder() {
        withTimings(NO_STATUS_CHECK);
        Instant deadline = start.plus(TIMEOUT);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(PaymentSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(new RecordPaymentClosed(ORDER, CARD, deadline), new ExpireOrder(ORDER, deadline));
    }

    @Test
    void theFinalQueryAtTheDeadlineFindsALateCallbacksCapture() {
        withTimings(NO_STATUS_CHECK);
        Instant deadline = start.plus(TIMEOUT);
        Instant paidAt = deadline.minusSeconds(1);
        captured(WALLET, PRICE, paidAt);
        fixture.givenAPublished(placed()).andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(new RecordPaymentCapture(ORDER, WALLET, "sandbox", PRICE, paidAt),
                        new ExpireOrder(ORDER, deadline));
    }

    @Test
    void aCancelledOrdersPendingAttemptIsClosedAndMoneyAlreadyTakenIsToldToTheOrder() {
        Instant at = start.plusSeconds(20);
        captured(WALLET, PRICE, start.plusSeconds(19));
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new PaymentAttemptClosed(ORDER, CARD, start))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .whenPublishingA(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, at))
                .expectDispatchedCommands(new RecordPaymentCapture(ORDER, WALLET, "sandbox", PRICE, start.plusSeconds(19)))
                .expectActiveSagas(1);
    }

    @Test
    void aCancelledOrderEndsTheSagaOnceItsAttemptIsClosed() {
        Instant at = start.plusSeconds(20);
        fixture.givenAPublished(placed()).andThenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, at))
                .whenPublishingA(new PaymentAttemptClosed(ORDER, CARD, at))
                .expectActiveSagas(0);
    }

    @Test
    void anAdminRefundAsksTheProviderAndTellsTheOrder() {
        when(provider.refund(new RefundRequest(CARD, RefundId.forPayment(CARD), PRICE))).thenReturn(RefundOutcome.REFUNDED);
        Instant at = start.plusSeconds(3600);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", RefundId.forPayment(CARD), PRICE,
                        new UserId("admin"), at))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPaymentRefund(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at));
        fixture.givenAPublished(new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", RefundId.forPayment(CARD), PRICE,
                        new UserId("admin"), at))
                .andThenAPublished(new PaymentRefunded(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at))
                .whenPublishingA(new OrderRefunded(ORDER, ALICE, CARD, PRICE, at))
                .expectActiveSagas(0);
    }
}
