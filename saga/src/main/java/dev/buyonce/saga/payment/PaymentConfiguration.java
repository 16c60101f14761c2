package dev.buyonce.saga.payment;

import dev.buyonce.saga.PaymentSettings;
import dev.buyonce.saga.provider.GuardedProviders;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderCallSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@link PaymentProvider} bean is a configured provider, called only through {@link GuardedProviders};
 * the saga's timings and the provider call guards come from properties.
 */
@Configuration
@EnableConfigurationProperties(PaymentSettings.class)
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
    ProviderCallSettings providerCallSettings(PaymentSettings settings) {
        return settings.provider();
    }

    @Bean
    PaymentTimings paymentTimings(PaymentSettings settings) {
        return new PaymentTimings(settings.statusCheckAfter(), settings.statusCheckMaxInterval(),
                settings.refundRetryAfter(), settings.refundAttempts());
    }
}
