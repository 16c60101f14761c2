package dev.buyonce.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.app.AppSettings;
import dev.buyonce.query.order.UnpaidOrders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The limits at the edge, in filter order: rate limits before the security chain (a refusal costs no
 * authentication and no body), the body read deadline after it (an unauthenticated body is never read).
 */
@Configuration
class LimitsConfiguration {

    @Bean
    LimitSettings limitSettings(AppSettings settings) {
        return settings.limits();
    }


    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(LimitSettings settings, JwtDecoder tokens, UnpaidOrders unpaid,
                                                  Clock clock, ObjectMapper mapper, MeterRegistry meters) {
        UnpaidOrderCap cap = new UnpaidOrderCap(unpaid, settings, clock);
        FilterRegistrationBean<RateLimits> registration =
                new FilterRegistrationBean<>(new RateLimits(settings, tokens, cap, mapper, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyReadDeadline> bodyReadDeadline(LimitSettings settings, ObjectMapper mapper) {
        FilterRegistrationBean<BodyReadDeadline> registration =
                new FilterRegistrationBean<>(new BodyReadDeadline(settings.bodyReadDeadline(), mapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
