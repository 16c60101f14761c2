package dev.buyonce.saga.payment;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.buyonce.kernel.payment.RefundId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the payment saga, given the order's events. The saga calls no provider: it records the
 * calls it wants ({@link ProviderCalls}), seen here by a recording double; their outcomes come back as the
 * order's events, given here as such.
 */
class PaymentSagaTest {
    static final UserId ALICE = new UserId("alice");
    static final Money PRICE = Money.of("199.00", "CNY");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("order"));
    static final PaymentId CARD = PaymentId.forAttempt(ORDER, new IdempotencyKey("card"));
    static final PaymentId WALLET = PaymentId.forAttempt(ORDER, new IdempotencyKey("wallet"));
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final PaymentTimings TIMINGS = new PaymentTimings(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(1), 2);

    /** Status checks only after the payment deadline: nothing but the deadline acts. */
    static final PaymentTimings NO_STATUS_CHECK = new PaymentTimings(Duration.ofMinutes(20), Duration.ofMinutes(20),
            Duration.ofMinutes(1), 2);

    SagaTestFixture<PaymentSaga> fixture;
    RecordedCalls calls;
    Instant start;

    /** The provider calls the saga asked for, in order, as "operation paymentId [amount]". */
    static final class RecordedCalls implements ProviderCalls {
        final List<String> made = new ArrayList<>();
        boolean refundStillWaiting;

        @Override
        public void check(OrderId orderId, PaymentId paymentId, String provider) {
            made.add("check " + paymentId);
        }

        @Override
        public void settle(OrderId orderId, PaymentId paymentId, String provider) {
            made.add("settle " + paymentId);
        }

        @Override
        public void refund(OrderId orderId, PaymentId paymentId, String provider, Money amount) {
            made.add("refund " + paymentId + " " + amount.amount());
        }

        @Override
        public boolean refundInFlight(PaymentId paymentId) {
            return refundStillWaiting;
        }
    }

    @BeforeEach
    void setUp() {
        withTimings(TIMINGS);
    }

    void withTimings(PaymentTimings timings) {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        calls = new RecordedCalls();
        fixture.registerResource(calls);
        fixture.registerResource(timings);
        start = fixture.currentTime();
    }

    OrderPlaced placed() {
        return new OrderPlaced(ORDER, ALICE, List.of(new OrderLine(new ProductId("lifetime"), ProductKind.PERMANENT, 1,
                PRICE)), PRICE, start, start.plus(TIMEOUT), "fingerprint");
    }

    PaymentRequested requested(PaymentId paymentId, String channel) {
        return new PaymentRequested(ORDER, paymentId, ALICE, "sandbox", channel, PRICE, start, start.plus(TIMEOUT));
    }

    /** Every call the saga asked for, in the given steps and the when step. */
    List<String> callsMade() {
        return calls.made;
    }

    @Test
    void anOrderNobodyTriesToPayStartsNoSaga() {
        // its deadline is kept by the order's events and acted on by UnattemptedOrderExpiry
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void startsWithTheFirstAttemptAndSchedulesTheOrdersPaymentDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CARD, "sandbox-card"))
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.toString())
                .expectScheduledDeadlineWithName(start.plus(TIMEOUT), PaymentSaga.PAYMENT_DEADLINE)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).isEmpty();
    }

    @Test
    void anAttemptAfterTheDeadlineIsSettledAtOnceAndTheOrderExpired() throws Exception {
        withTimings(NO_STATUS_CHECK);
        Instant passed = start.minusSeconds(1);
        fixture.givenAPublished(new PaymentRequested(ORDER, CARD, ALICE, "sandbox", "sandbox-card", PRICE, start, passed))
                .andThenTimeElapses(Duration.ofMillis(1))
                .whenPublishingA(new PaymentAttemptClosed(ORDER, CARD, start))
                .expectDispatchedCommands(new ExpireOrder(ORDER, start.plusMillis(1)));
        assertThat(callsMade()).containsExactly("settle " + CARD);
    }

    @Test
    void aSagaStartedByMoneyForAnUnknownAttemptTakesOnTheDeadlineOfALaterAttempt() {
        Instant at = start.plusSeconds(5);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, WALLET, "sandbox", PRICE, CaptureRejection.UNKNOWN_ATTEMPT, at))
                .whenPublishingA(requested(CARD, "sandbox-card"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(start.plus(TIMEOUT), PaymentSaga.PAYMENT_DEADLINE)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), PaymentSaga.STATUS_CHECK);
    }

    @Test
    void aPaymentRequestSchedulesAStatusCheckForAnOverdueCallback() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CARD, "sandbox-card"))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), PaymentSaga.STATUS_CHECK)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).isEmpty();
    }

    @Test
    void theStatusCheckHasTheProviderAskedAboutEachPendingAttempt() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectTriggeredDeadlinesWithName(PaymentSaga.STATUS_CHECK)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("check " + CARD);
    }

    @Test
    void theStatusCheckBacksOffWhileNothingWasPaid() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), PaymentSaga.STATUS_CHECK);
    }

    @Test
    void aCapturePaysTheOrderOnceAndTheSagaEndsWhenNothingIsPending() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        assertThat(callsMade()).isEmpty();
    }

    @Test
    void deadlinesFiringAfterTheOrderWasPaidChangeNothing() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .whenTimeElapses(TIMEOUT.plusMinutes(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        assertThat(callsMade()).isEmpty();
    }

    @Test
    void switchingChannelHasTheEarlierAttemptSettled() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(requested(WALLET, "sandbox-wallet"))
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("settle " + CARD);
    }

    @Test
    void whenPaidTheOtherPendingAttemptIsSettled() {
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .whenPublishingA(new OrderPaid(ORDER, ALICE, CARD, PRICE, start.plusSeconds(5)))
                .expectActiveSagas(1);
        assertThat(callsMade()).containsExactly("settle " + CARD, "settle " + WALLET);
    }

    @Test
    void aSecondCaptureForAPaidOrderIsRefunded() {
        Instant at = start.plusSeconds(9);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .andThenAPublished(new OrderPaid(ORDER, ALICE, WALLET, PRICE, start.plusSeconds(5)))
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ALREADY_PAID, at))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PaymentSaga.REFUND_RETRY)
                .expectActiveSagas(1);
        // CARD is asked again while still pending: the scheduler keeps one waiting call per payment
        assertThat(callsMade()).containsExactly("settle " + CARD, "settle " + CARD, "refund " + CARD + " 199.00");
    }

    @Test
    void aWrongAmountIsRefundedAndTheOrderKeepsWaiting() {
        Instant at = start.plusSeconds(9);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", Money.of("1.00", "CNY"),
                        CaptureRejection.AMOUNT_MISMATCH, at))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(start.plus(TIMEOUT), PaymentSaga.PAYMENT_DEADLINE)
                .expectActiveSagas(1);
        assertThat(callsMade()).containsExactly("refund " + CARD + " 1.00");
    }

    @Test
    void moneyCapturedAfterTheSagaEndedStartsOneThatRefundsIt() {
        Instant at = start.plusSeconds(1000);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("refund " + CARD + " 199.00");
    }

    @Test
    void aConfirmedRefundEndsTheSaga() {
        Instant at = start.plusSeconds(1000);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenPublishingA(new PaymentRefunded(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at))
                .expectActiveSagas(0);
    }

    @Test
    void aRefundNotConfirmedIsAskedAgainThenLeftForAHuman() {
        Instant at = start.plusSeconds(5);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName(PaymentSaga.REFUND_RETRY)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PaymentSaga.REFUND_RETRY)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("refund " + CARD + " 199.00", "refund " + CARD + " 199.00");
        // asked once, then twice again (refund-attempts 2); a minute after the last ask it is left for a human
        withTimings(TIMINGS);
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenTimeElapses(Duration.ofMinutes(3))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        assertThat(callsMade()).hasSize(3);
    }

    @Test
    void aRefundStillWaitingForTheProviderIsNeitherAskedTwiceNorGivenUp() {
        Instant at = start.plusSeconds(5);
        calls.refundStillWaiting = true;
        fixture.givenAPublished(new PaymentCaptureRejected(ORDER, CARD, "sandbox", PRICE, CaptureRejection.ORDER_CANCELLED, at))
                .whenTimeElapses(Duration.ofMinutes(10))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PaymentSaga.REFUND_RETRY)
                .expectActiveSagas(1);
        assertThat(callsMade()).containsExactly("refund " + CARD + " 199.00");
    }

    @Test
    void thePaymentDeadlineHasThePendingAttemptSettledBeforeCancellingTheOrder() {
        withTimings(NO_STATUS_CHECK);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(PaymentSaga.PAYMENT_DEADLINE)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("settle " + CARD);
    }

    @Test
    void theOrderIsCancelledOnceTheProviderClosedItsLastPendingAttempt() throws Exception {
        withTimings(NO_STATUS_CHECK);
        Instant deadline = start.plus(TIMEOUT);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(new PaymentAttemptClosed(ORDER, CARD, deadline))
                .expectDispatchedCommands(new ExpireOrder(ORDER, deadline));
    }

    @Test
    void moneyTheFinalQueryFindsPaysTheOrderInsteadOfCancellingIt() throws Exception {
        withTimings(NO_STATUS_CHECK);
        fixture.givenAPublished(requested(WALLET, "sandbox-wallet"))
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(new OrderPaid(ORDER, ALICE, WALLET, PRICE, start.plus(TIMEOUT).minusSeconds(1)))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void anAttemptRequestedWhileTheDeadlineSettlesIsSettledToo() throws Exception {
        withTimings(NO_STATUS_CHECK);
        Instant deadline = start.plus(TIMEOUT);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenTimeElapses(TIMEOUT)
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .andThenAPublished(new PaymentAttemptClosed(ORDER, CARD, deadline))
                .whenPublishingA(new PaymentAttemptClosed(ORDER, WALLET, deadline))
                .expectDispatchedCommands(new ExpireOrder(ORDER, deadline));
        assertThat(callsMade()).containsExactly("settle " + CARD, "settle " + CARD, "settle " + WALLET);
    }

    @Test
    void aCancelledOrdersPendingAttemptIsSettled() {
        Instant at = start.plusSeconds(20);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new PaymentAttemptClosed(ORDER, CARD, start))
                .andThenAPublished(requested(WALLET, "sandbox-wallet"))
                .whenPublishingA(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, at))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        assertThat(callsMade()).containsExactly("settle " + WALLET);
    }

    @Test
    void aCancelledOrderEndsTheSagaOnceItsAttemptIsClosed() {
        Instant at = start.plusSeconds(20);
        fixture.givenAPublished(requested(CARD, "sandbox-card"))
                .andThenAPublished(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, at))
                .whenPublishingA(new PaymentAttemptClosed(ORDER, CARD, at))
                .expectActiveSagas(0);
    }

    @Test
    void anAdminRefundHasTheProviderAskedAndEndsOnceTheOrderIsRefunded() {
        Instant at = start.plusSeconds(3600);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", RefundId.forPayment(CARD), PRICE,
                        new UserId("admin"), at))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
        assertThat(callsMade()).containsExactly("refund " + CARD + " 199.00");
        fixture.givenAPublished(new OrderRefundRequested(ORDER, ALICE, CARD, "sandbox", RefundId.forPayment(CARD), PRICE,
                        new UserId("admin"), at))
                .andThenAPublished(new PaymentRefunded(ORDER, CARD, RefundId.forPayment(CARD), PRICE, at))
                .whenPublishingA(new OrderRefunded(ORDER, ALICE, CARD, PRICE, at))
                .expectActiveSagas(0);
    }
}
