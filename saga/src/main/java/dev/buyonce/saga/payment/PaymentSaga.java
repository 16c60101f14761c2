package dev.buyonce.saga.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
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
import dev.buyonce.saga.payment.PaymentDeadlines.PaymentDeadlineDue;
import dev.buyonce.saga.payment.PaymentDeadlines.RefundRetryDue;
import dev.buyonce.saga.payment.PaymentDeadlines.StatusCheckDue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per order that someone tried to pay: from its first payment attempt until every captured coin is either
 * kept by the paid order or refunded. (An order nobody tries to pay needs no saga: {@code UnattemptedOrderExpiry}
 * cancels it at its deadline.)
 * It learns captures from the order's events (callbacks reach the order through the webhook), has the
 * provider asked when a callback is overdue, closes attempts the customer abandoned, cancels the order at
 * its payment deadline and refunds every capture the order rejected. It never blocks and never calls a
 * provider itself: it records each call it wants as a persistent task ({@link ProviderCalls}), in its own
 * transaction, and the call's outcome comes back as the order's events. So a slow or failing provider
 * delays payments but holds no saga transaction open and stalls nothing else. Its deadlines are persistent
 * (db-scheduler). A capture or refund request arriving after the saga ended starts a new one, which refunds
 * and ends.
 */
@Saga
public class PaymentSaga {
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String STATUS_CHECK = "payment-status-check";
    static final String REFUND_RETRY = "payment-refund-retry";
    private static final String ORDER_ID = "orderId";
    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

    private OrderId orderId;
    private Money total;
    private Instant paymentDeadline;
    /** Absent in a saga started by a late capture or a refund request: then only refunds are its business. */
    private boolean awaitingPayment;
    /** The payment deadline passed: the order is cancelled once every pending attempt is closed or captured. */
    private boolean expiring;
    private Map<String, AttemptState> attempts = new LinkedHashMap<>();
    private Map<String, String> providerOf = new LinkedHashMap<>();
    private Map<String, Money> refundAmounts = new LinkedHashMap<>();
    private String statusCheckId;
    private Duration lastCheckInterval;
    private String refundRetryId;
    private int refundRetries;

    /**
     * A new attempt; an earlier pending one is settled (closed, or if it was paid, that pays the order). The
     * first attempt starts the saga and schedules the order's payment deadline (at once, if it has passed).
     */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentRequested event, ProviderCalls calls, DeadlineManager deadlines, PaymentTimings timings) {
        orderId = event.orderId();
        if (paymentDeadline == null && event.paymentDeadline() != null) {
            // the first attempt (this saga may have been started before by money for an unknown attempt)
            total = event.amount();
            paymentDeadline = event.paymentDeadline();
            awaitingPayment = true;
            deadlines.schedule(paymentDeadline, PAYMENT_DEADLINE, new PaymentDeadlineDue(orderId));
        }
        settlePendingAttempts(calls);
        String paymentId = event.paymentId().toString();
        attempts.put(paymentId, AttemptState.PENDING);
        providerOf.put(paymentId, event.provider());
        if (expiring) {
            // asked for after the deadline passed, while the earlier attempts were being closed: close it too
            calls.settle(orderId, event.paymentId(), event.provider());
        }
        if (statusCheckId == null && awaitingPayment && !expiring) {
            lastCheckInterval = timings.statusCheckAfter();
            statusCheckId = deadlines.schedule(lastCheckInterval, STATUS_CHECK, new StatusCheckDue(orderId));
        }
    }

    /** The callback is overdue: have the provider asked, and ask again later (backing off) until the deadline. */
    @DeadlineHandler(deadlineName = STATUS_CHECK)
    void checkStatus(StatusCheckDue due, ProviderCalls calls, DeadlineManager deadlines, PaymentTimings timings,
                     @Timestamp Instant now) {
        statusCheckId = null;
        if (!awaitingPayment || expiring) {
            return;
        }
        for (String paymentId : pending()) {
            calls.check(orderId, paymentId(paymentId), providerOf.get(paymentId));
        }
        lastCheckInterval = timings.nextCheckAfter(lastCheckInterval);
        if (now.plus(lastCheckInterval).isBefore(paymentDeadline)) {
            statusCheckId = deadlines.schedule(lastCheckInterval, STATUS_CHECK, new StatusCheckDue(orderId));
        }
    }

    /**
     * Every pending attempt is settled (a final query, then closed), and once the provider has answered for
     * all of them the order is cancelled (a paid order ignores that). Cancelling before the provider closed a
     * payment would refund a customer who paid in time, so a provider that does not answer delays it.
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void paymentDeadlinePassed(PaymentDeadlineDue due, ProviderCalls calls, CommandGateway commands,
                               @Timestamp Instant now) {
        if (!awaitingPayment) {
            return;
        }
        expiring = true;
        settlePendingAttempts(calls);
        expireIfSettled(commands, now);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPaid event, ProviderCalls calls) {
        awaitingPayment = false;
        attempts.put(event.paymentId().toString(), AttemptState.KEPT);
        settlePendingAttempts(calls);
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event, ProviderCalls calls) {
        awaitingPayment = false;
        settlePendingAttempts(calls);
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentAttemptClosed event, CommandGateway commands, @Timestamp Instant now) {
        attempts.computeIfPresent(event.paymentId().toString(),
                (id, state) -> state == AttemptState.PENDING ? AttemptState.CLOSED : state);
        expireIfSettled(commands, now);
        endIfSettled();
    }

    /** Money the order does not keep goes back; a different amount is also flagged for a human. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentCaptureRejected event, ProviderCalls calls, CommandGateway commands, DeadlineManager deadlines,
            PaymentTimings timings, @Timestamp Instant now) {
        orderId = event.orderId();
        if (event.reason() == CaptureRejection.AMOUNT_MISMATCH) {
            log.warn("FLAGGED: payment {} of order {} captured {} instead of {}; refunding it",
                    event.paymentId(), event.orderId(), event.amount(), total);
        }
        refund(event.paymentId(), event.provider(), event.amount(), calls, deadlines, timings);
        expireIfSettled(commands, now);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRefundRequested event, ProviderCalls calls, DeadlineManager deadlines, PaymentTimings timings) {
        orderId = event.orderId();
        refund(event.paymentId(), event.provider(), event.amount(), calls, deadlines, timings);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentRefunded event) {
        String paymentId = event.paymentId().toString();
        attempts.put(paymentId, AttemptState.REFUNDED);
        refundAmounts.remove(paymentId);
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRefunded event) {
        endIfSettled();
    }

    /**
     * Refunds not confirmed yet are asked again, unless the call is still waiting for the provider to answer
     * (an outage is not a refusal); after {@code refundAttempts} refusals they are left for a human.
     */
    @DeadlineHandler(deadlineName = REFUND_RETRY)
    void retryRefunds(RefundRetryDue due, ProviderCalls calls, DeadlineManager deadlines, PaymentTimings timings) {
        refundRetryId = null;
        boolean askedAgain = false;
        for (Map.Entry<String, Money> owed : List.copyOf(refundAmounts.entrySet())) {
            String id = owed.getKey();
            if (calls.refundInFlight(paymentId(id))) {
                continue;
            }
            if (refundRetries < timings.refundAttempts()) {
                calls.refund(orderId, paymentId(id), providerOf.get(id), owed.getValue());
                askedAgain = true;
            } else {
                log.error("FLAGGED: provider {} refused to refund payment {} of order {} ({}); left for a human",
                        providerOf.get(id), id, orderId, owed.getValue());
                attempts.put(id, AttemptState.REFUND_FAILED);
                refundAmounts.remove(id);
            }
        }
        if (askedAgain) {
            refundRetries++;
        }
        if (!refundAmounts.isEmpty()) {
            refundRetryId = deadlines.schedule(timings.refundRetryAfter(), REFUND_RETRY, new RefundRetryDue(orderId));
        }
        endIfSettled();
    }

    private void refund(PaymentId paymentId, String provider, Money amount, ProviderCalls calls,
                        DeadlineManager deadlines, PaymentTimings timings) {
        String id = paymentId.toString();
        providerOf.put(id, provider);
        attempts.put(id, AttemptState.REFUNDING);
        refundAmounts.put(id, amount);
        calls.refund(orderId, paymentId, provider, amount);
        if (refundRetryId == null) {
            refundRetryId = deadlines.schedule(timings.refundRetryAfter(), REFUND_RETRY, new RefundRetryDue(orderId));
        }
    }

    /**
     * Has each pending attempt settled at its provider: if the money was taken, the order is told (it pays or
     * rejects); otherwise the payment is closed, which is what stops a late payment.
     */
    private void settlePendingAttempts(ProviderCalls calls) {
        for (String paymentId : pending()) {
            calls.settle(orderId, paymentId(paymentId), providerOf.get(paymentId));
        }
    }

    private void expireIfSettled(CommandGateway commands, Instant now) {
        if (expiring && awaitingPayment && pending().isEmpty()) {
            expiring = false;
            commands.send(new ExpireOrder(orderId, now));
        }
    }

    private List<String> pending() {
        return attempts.entrySet().stream().filter(e -> e.getValue() == AttemptState.PENDING).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Ends the saga once nothing is awaited. Deadlines still scheduled are left to fire: each handler checks
     * whether it still applies, and one firing for an ended saga finds none and is dropped. Cancelling them
     * instead would race with db-scheduler executing one at that moment, which fails the whole saga
     * transaction (seen in tests) and stalls the saga processor while it retries. Provider calls still waiting
     * are left too: their outcome is told to the order, which ignores what it already knows.
     */
    private void endIfSettled() {
        if (awaitingPayment || attempts.values().stream().anyMatch(AttemptState::outstanding)) {
            return;
        }
        SagaLifecycle.end();
    }

    private static PaymentId paymentId(String text) {
        return new PaymentId(UUID.fromString(text));
    }
}
