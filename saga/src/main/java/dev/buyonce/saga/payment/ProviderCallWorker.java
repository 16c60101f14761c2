package dev.buyonce.saga.payment;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RecordPaymentClosed;
import dev.buyonce.kernel.payment.RecordPaymentRefund;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.saga.provider.GuardedProviders;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one provider call the saga asked for, on a scheduler thread with no transaction open, and tells the
 * order what the provider answered. If the provider does not answer, or the order cannot be told, it throws
 * and the task is retried: the provider deduplicates by our ids and the order ignores what it already knows,
 * so doing a call twice changes nothing.
 */
@Component
class ProviderCallWorker {
    private static final Logger log = LoggerFactory.getLogger(ProviderCallWorker.class);
    private final GuardedProviders providers;
    private final OrderCommands orders;
    private final Clock clock;

    ProviderCallWorker(GuardedProviders providers, OrderCommands orders, Clock clock) {
        this.providers = providers;
        this.orders = orders;
        this.clock = clock;
    }

    void perform(ProviderCall call) {
        PaymentId paymentId = call.payment();
        switch (call.operation()) {
            case CHECK -> {
                ProviderPayment payment = providers.call(call.provider(), "query", p -> p.query(paymentId));
                if (payment.moneyTaken()) {
                    recordCapture(call, payment);
                }
            }
            case SETTLE -> {
                // closing is what stops a late payment; a provider that captured meanwhile says so instead
                ProviderPayment payment = providers.call(call.provider(), "query", p -> p.query(paymentId));
                if (!payment.moneyTaken()) {
                    payment = providers.call(call.provider(), "close", p -> p.close(paymentId));
                }
                if (payment.moneyTaken()) {
                    recordCapture(call, payment);
                } else {
                    tell(call, new RecordPaymentClosed(call.order(), paymentId, now()));
                }
            }
            case REFUND -> {
                RefundId refundId = RefundId.forPayment(paymentId);
                RefundOutcome outcome = providers.call(call.provider(), "refund",
                        p -> p.refund(new RefundRequest(paymentId, refundId, call.money())));
                if (outcome == RefundOutcome.REFUNDED) {
                    tell(call, new RecordPaymentRefund(call.order(), paymentId, refundId, call.money(), now()));
                } else {
                    log.warn("provider {} refused to refund payment {} of order {} ({}); the saga asks again",
                            call.provider(), paymentId, call.orderId(), call.money());
                }
            }
        }
    }

    private void recordCapture(ProviderCall call, ProviderPayment payment) {
        Instant capturedAt = payment.capturedAt() != null ? payment.capturedAt() : now();
        tell(call, new RecordPaymentCapture(call.order(), call.payment(), call.provider(), payment.captured(), capturedAt));
    }

    private void tell(ProviderCall call, Object command) {
        OrderId orderId = call.order();
        orders.send(command, orderId.toString(), MetaData.from(call.metaData()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
