package dev.buyonce.saga.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
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
import dev.buyonce.saga.payment.PaymentDeadlines.PaymentDeadlineDue;
import dev.buyonce.saga.payment.PaymentDeadlines.RefundRetryDue;
import dev.buyonce.saga.payment.PaymentDeadlines.StatusCheckDue;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
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
 * One per order: from placement until every captured coin is either kept by the paid order or refunded.
 * It learns captures from the order's events (callbacks reach the order through the webhook), asks the
 * provider itself when a callback is overdue, closes attempts the customer abandoned, cancels the order at
 * its payment deadline and refunds every capture the order rejected. It never blocks: commands are sent,
 * and their outcome comes back as the order's events. Its deadlines are persistent (db-scheduler).
 * A capture or refund request arriving after the saga ended starts a new one, which refunds and ends.
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
    private Map<String, AttemptState> attempts = new LinkedHashMap<>();
    private Map<String, String> providerOf = new LinkedHashMap<>();
    private Map<String, Money> refundAmounts = new LinkedHashMap<>();
    private String statusCheckId;
    private Duration lastCheckInterval;
    private String refundRetryId;
    private int refundRetries;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event, DeadlineManager deadlines) {
        orderId = event.orderId();
        total = event.total();
        paymentDeadline = event.paymentDeadline();
        awaitingPayment = true;
        deadlines.schedule(event.paymentDeadline(), PAYMENT_DEADLINE, new PaymentDeadlineDue(orderId));
    }

    /** A new attempt; an earlier pending one is closed (after a final query: if it was paid, that pays the order). */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentRequested event, PaymentProviders providers, CommandGateway commands, DeadlineManager deadlines,
            PaymentTimings timings) {
        settlePendingAttempts(providers, commands, event.requestedAt());
        String paymentId = event.paymentId().toString();
        attempts.put(paymentId, AttemptState.PENDING);
        providerOf.put(paymentId, event.provider());
        if (statusCheckId == null && awaitingPayment) {
            lastCheckInterval = timings.statusCheckAfter();
            statusCheckId = deadlines.schedule(lastCheckInterval, STATUS_CHECK, new StatusCheckDue(orderId));
        }
    }

    /** The callback is overdue: ask the provider, and ask again later (backing off) until the payment deadline. */
    @DeadlineHandler(deadlineName = STATUS_CHECK)
    void checkStatus(StatusCheckDue due, PaymentProviders providers, CommandGateway commands, DeadlineManager deadlines,
                     PaymentTimings timings, @Timestamp Instant now) {
        statusCheckId = null;
        if (!awaitingPayment) {
            return;
        }
        for (String paymentId : pending()) {
            ProviderPayment payment = providers.named(providerOf.get(paymentId)).query(paymentId(paymentId));
            if (payment.moneyTaken()) {
                recordCapture(commands, paymentId, payment, now);
            }
        }
        lastCheckInterval = timings.nextCheckAfter(lastCheckInterval);
        if (now.plus(lastCheckInterval).isBefore(paymentDeadline)) {
            statusCheckId = deadlines.schedule(lastCheckInterval, STATUS_CHECK, new StatusCheckDue(orderId));
        }
    }

    /** Final query of every pending attempt, then close them and cancel the order (a paid order ignores that). */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void paymentDeadlinePassed(PaymentDeadlineDue due, PaymentProviders providers, CommandGateway commands,
                               @Timestamp Instant now) {
        if (!awaitingPayment) {
            return;
        }
        settlePendingAttempts(providers, commands, now);
        commands.send(new ExpireOrder(orderId, now));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPaid event, PaymentProviders providers, CommandGateway commands) {
        awaitingPayment = false;
        attempts.put(event.paymentId().toString(), AttemptState.KEPT);
        settlePendingAttempts(providers, commands, event.paidAt());
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event, PaymentProviders providers, CommandGateway commands) {
        awaitingPayment = false;
        settlePendingAttempts(providers, commands, event.cancelledAt());
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentAttemptClosed event) {
        attempts.computeIfPresent(event.paymentId().toString(),
                (id, state) -> state == AttemptState.PENDING ? AttemptState.CLOSED : state);
        endIfSettled();
    }

    /** Money the order does not keep goes back; a different amount is also flagged for a human. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentCaptureRejected event, PaymentProviders providers, CommandGateway commands,
            DeadlineManager deadlines, PaymentTimings timings) {
        orderId = event.orderId();
        if (event.reason() == CaptureRejection.AMOUNT_MISMATCH) {
            log.warn("FLAGGED: payment {} of order {} captured {} instead of {}; refunding it",
                    event.paymentId(), event.orderId(), event.amount(), total);
        }
        refund(event.paymentId(), event.provider(), event.amount(), providers, commands, deadlines, timings, event.at());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRefundRequested event, PaymentProviders providers, CommandGateway commands,
            DeadlineManager deadlines, PaymentTimings timings) {
        orderId = event.orderId();
        refund(event.paymentId(), event.provider(), event.amount(), providers, commands, deadlines, timings,
                event.requestedAt());
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

    /** Refunds the provider refused before are asked again; after the last attempt they are left for a human. */
    @DeadlineHandler(deadlineName = REFUND_RETRY)
    void retryRefunds(RefundRetryDue due, PaymentProviders providers, CommandGateway commands, DeadlineManager deadlines,
                      PaymentTimings timings, @Timestamp Instant now) {
        refundRetryId = null;
        refundRetries++;
        for (Map.Entry<String, Money> owed : List.copyOf(refundAmounts.entrySet())) {
            refund(paymentId(owed.getKey()), providerOf.get(owed.getKey()), owed.getValue(), providers, commands,
                    deadlines, timings, now);
        }
    }

    private void refund(PaymentId paymentId, String provider, Money amount, PaymentProviders providers,
                        CommandGateway commands, DeadlineManager deadlines, PaymentTimings timings, Instant now) {
        String id = paymentId.toString();
        providerOf.put(id, provider);
        RefundId refundId = RefundId.forPayment(paymentId);
        RefundOutcome outcome = providers.named(provider).refund(new RefundRequest(paymentId, refundId, amount));
        if (outcome == RefundOutcome.REFUNDED) {
            attempts.put(id, AttemptState.REFUNDING);
            refundAmounts.remove(id);
            commands.send(new RecordPaymentRefund(orderId, paymentId, refundId, amount, now));
        } else if (refundRetries < timings.refundAttempts()) {
            attempts.put(id, AttemptState.REFUNDING);
            refundAmounts.put(id, amount);
            if (refundRetryId == null) {
                refundRetryId = deadlines.schedule(timings.refundRetryAfter(), REFUND_RETRY, new RefundRetryDue(orderId));
            }
        } else {
            log.error("FLAGGED: provider {} refused to refund payment {} of order {} ({}); left for a human",
                    provider, paymentId, orderId, amount);
            attempts.put(id, AttemptState.REFUND_FAILED);
            refundAmounts.remove(id);
            endIfSettled();
        }
    }

    /**
     * Each pending attempt: if the provider took the money, tell the order (it pays or rejects); otherwise
     * close it at the provider. Closing is what stops a late payment, and a provider that captured in the
     * meantime says so instead of closing.
     */
    private void settlePendingAttempts(PaymentProviders providers, CommandGateway commands, Instant now) {
        for (String paymentId : pending()) {
            PaymentProvider provider = providers.named(providerOf.get(paymentId));
            ProviderPayment payment = provider.query(paymentId(paymentId));
            if (!payment.moneyTaken()) {
                payment = provider.close(paymentId(paymentId));
            }
            if (payment.moneyTaken()) {
                recordCapture(commands, paymentId, payment, now);
            } else {
                commands.send(new RecordPaymentClosed(orderId, paymentId(paymentId), now));
            }
        }
    }

    private void recordCapture(CommandGateway commands, String paymentId, ProviderPayment payment, Instant now) {
        Instant capturedAt = payment.capturedAt() != null ? payment.capturedAt() : now;
        commands.send(new RecordPaymentCapture(orderId, paymentId(paymentId), providerOf.get(paymentId),
                payment.captured(), capturedAt));
    }

    private List<String> pending() {
        return attempts.entrySet().stream().filter(e -> e.getValue() == AttemptState.PENDING).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Ends the saga once nothing is awaited. Deadlines still scheduled are left to fire: each handler checks
     * whether it still applies, and one firing for an ended saga finds none and is dropped. Cancelling them
     * instead would race with db-scheduler executing one at that moment, which fails the whole saga
     * transaction (seen in tests) and stalls the saga processor while it retries.
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
