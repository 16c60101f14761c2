package dev.buyonce.saga.payment;

import dev.buyonce.saga.provider.GuardedProviders;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderCallSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@link PaymentProvider} bean is a configured provider, called only through {@link GuardedProviders};
 * the saga's timings and the provider call guards come from properties.
 */
@Configuration
@EnableConfigurationProperties(ProviderCallSettings.class)
class PaymentConfiguration {

    @Bean
    PaymentProviders paymentProviders(List<PaymentProvider> providers) {
        return new PaymentProviders(providers);
    }

    @Bean
    GuardedProviders guardedProviders(PaymentProviders providers, ProviderCallSettings settings,
                                      ObjectProvider<MeterRegistry> metrics) {
        return new GuardedProviders(providers, settings, metrics.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    PaymentTimings paymentTimings(@Value("${buyonce.payments.status-check-after:PT30S}") Duration statusCheckAfter,
                                  @Value("${buyonce.payments.status-check-max-interval:PT2M}") Duration maxInterval,
                                  @Value("${buyonce.payments.refund-retry-after:PT1M}") Duration refundRetryAfter,
                                  @Value("${buyonce.payments.refund-attempts:5}") int refundAttempts) {
        return new PaymentTimings(statusCheckAfter, maxInterval, refundRetryAfter, refundAttempts);
    }
}
