package dev.buyonce.saga;

import dev.buyonce.saga.provider.ProviderCallSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment module's settings, {@code buyonce.payments.*}, each default written here once and checked at
 * start-up.
 *
 * @param statusCheckAfter       a callback this overdue makes the saga ask the provider
 * @param statusCheckMaxInterval then again at doubling intervals, none longer than this
 * @param refundRetryAfter       a refund the provider has not confirmed is asked for again after this
 * @param refundAttempts         refusals of one refund before it is left for a human
 * @param provider               how calls to a provider are guarded
 * @param sandbox                the built-in sandbox provider
 */
@ConfigurationProperties("buyonce.payments")
public record PaymentSettings(@DefaultValue("PT30S") Duration statusCheckAfter,
                              @DefaultValue("PT2M") Duration statusCheckMaxInterval,
                              @DefaultValue("PT1M") Duration refundRetryAfter,
                              @DefaultValue("5") int refundAttempts,
                              @DefaultValue ProviderCallSettings provider,
                              @DefaultValue Sandbox sandbox) {

    public PaymentSettings {
        for (Duration interval : new Duration[] {statusCheckAfter, statusCheckMaxInterval, refundRetryAfter}) {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("buyonce.payments: status-check-after, status-check-max-interval"
                        + " and refund-retry-after must be positive");
            }
        }
        if (refundAttempts < 1) {
            throw new IllegalArgumentException("buyonce.payments.refund-attempts must be at least 1");
        }
    }

    /**
     * @param enabled          whether the sandbox provider, its pages and its bank run on this node
     * @param webhookSecret    signs the sandbox's callbacks; when not configured, a random one is chosen per
     *                         data directory (or per process) and announced at start-up
     * @param deliveryAttempts how often one callback is delivered before the sandbox gives up
     * @param firstRetry       the pause before the second delivery, doubling after that
     * @param notifyUrl        where the sandbox delivers its callbacks (the webhook path is appended), as a real
     *                         provider calls the public address; empty: this node itself
     */
    public record Sandbox(@DefaultValue("false") boolean enabled, String webhookSecret,
                          @DefaultValue("8") int deliveryAttempts, @DefaultValue("PT0.2S") Duration firstRetry,
                          @DefaultValue("") String notifyUrl) {
        public Sandbox {
            if (enabled && (webhookSecret == null || webhookSecret.isBlank())) {
                throw new IllegalArgumentException("buyonce.payments.sandbox.webhook-secret is empty");
            }
            if (deliveryAttempts < 1 || firstRetry.isZero() || firstRetry.isNegative()) {
                throw new IllegalArgumentException("buyonce.payments.sandbox: delivery-attempts must be at least 1"
                        + " and first-retry positive");
            }
            if (!notifyUrl.isEmpty() && !notifyUrl.matches("https?://[^/?#\\s]+")) {
                throw new IllegalArgumentException("buyonce.payments.sandbox.notify-url must be http(s)://host[:port]");
            }
        }
    }
}
