package dev.buyonce.saga.payment;

import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@link PaymentProvider} bean is a configured provider; the saga's timings come from properties. */
@Configuration
class PaymentConfiguration {

    @Bean
    PaymentProviders paymentProviders(List<PaymentProvider> providers) {
        return new PaymentProviders(providers);
    }

    @Bean
    PaymentTimings paymentTimings(@Value("${buyonce.payments.status-check-after:PT30S}") Duration statusCheckAfter,
                                  @Value("${buyonce.payments.status-check-max-interval:PT2M}") Duration maxInterval,
                                  @Value("${buyonce.payments.refund-retry-after:PT1M}") Duration refundRetryAfter,
                                  @Value("${buyonce.payments.refund-attempts:5}") int refundAttempts) {
        return new PaymentTimings(statusCheckAfter, maxInterval, refundRetryAfter, refundAttempts);
    }
}
