package dev.buyonce.app.payments;

import dev.buyonce.saga.provider.CreatedPayment;
import dev.buyonce.saga.provider.PaymentNotification;
import dev.buyonce.saga.provider.PaymentOrder;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.ProviderLedgerEntry;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The provider double: wraps every {@link PaymentProvider} bean of the node it is added to
 * ({@code spring.main.sources}) and, when told, makes our calls to it (create, query, close, refund) hang
 * past any timeout, fail as an HTTP 500 would, or answer slowly, after having done the work (the provider
 * acted, we did not hear it in time). Webhooks, the customer's side of the sandbox and the ledger are left
 * alone: the customer can still pay while our calls fail.
 */
public class ProviderFaults implements BeanPostProcessor {
    enum Mode { NONE, HANG, FAIL, SLOW }

    private volatile Mode mode = Mode.NONE;
    private volatile Duration slowBy = Duration.ZERO;
    private final AtomicInteger calls = new AtomicInteger();

    void none() {
        mode = Mode.NONE;
    }

    void hang() {
        mode = Mode.HANG;
    }

    void fail() {
        mode = Mode.FAIL;
    }

    void slow(Duration by) {
        slowBy = by;
        mode = Mode.SLOW;
    }

    /** Calls that reached the double (create, query, close, refund), whatever it did with them. */
    int calls() {
        return calls.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof PaymentProvider provider ? new Faulty(provider) : bean;
    }

    private <T> T call(Supplier<T> real) {
        calls.incrementAndGet();
        switch (mode) {
            case HANG -> {
                sleep(Duration.ofMinutes(10));
                throw new IllegalStateException("hung provider woke up");
            }
            case FAIL -> throw new IllegalStateException("HTTP 500 Internal Server Error");
            case SLOW -> {
                T answer = real.get();
                sleep(slowBy);
                return answer;
            }
            default -> {
                return real.get();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("provider call abandoned by the caller", e);
        }
    }

    private final class Faulty implements PaymentProvider {
        private final PaymentProvider real;

        Faulty(PaymentProvider real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Set<String> channels() {
            return real.channels();
        }

        @Override
        public CreatedPayment create(PaymentOrder order) {
            return call(() -> real.create(order));
        }

        @Override
        public ProviderPayment query(PaymentId paymentId) {
            return call(() -> real.query(paymentId));
        }

        @Override
        public ProviderPayment close(PaymentId paymentId) {
            return call(() -> real.close(paymentId));
        }

        @Override
        public RefundOutcome refund(RefundRequest request) {
            return call(() -> real.refund(request));
        }

        @Override
        public PaymentNotification verify(Map<String, String> headers, String body, Instant now) {
            return real.verify(headers, body, now);
        }

        @Override
        public List<ProviderLedgerEntry> ledger() {
            return real.ledger();
        }
    }
}
