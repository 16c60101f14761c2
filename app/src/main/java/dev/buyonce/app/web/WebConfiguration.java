package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.coupon.CouponDirectory;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Module kernelJsonModule() {
        return new KernelJsonModule();
    }

    /** The HTTP mapper (spring.jackson.*); primary because Axon has its own, named defaultAxonObjectMapper. */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ObjectMapper mapper) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseOutage> databaseOutage(ObjectMapper mapper) {
        FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(new DatabaseOutage(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
        FilterRegistrationBean<RequestCorrelation> registration = new FilterRegistrationBean<>(new RequestCorrelation());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After security (and so after the rate limits): guessed coupon ids answered without Spring MVC. */
    @Bean
    FilterRegistrationBean<UnclaimableCoupons> unclaimableCoupons(CouponDirectory directory, Clock clock, ObjectMapper mapper) {
        FilterRegistrationBean<UnclaimableCoupons> registration =
                new FilterRegistrationBean<>(new UnclaimableCoupons(directory, clock, mapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
        return registration;
    }

    /**
     * Tomcat's own error answers as problems: {@link ProblemReportValve} replaces the host's HTML error report
     * valve (the one Spring Boot adds too). Unordered, so it runs after Boot's own Tomcat customizer.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectMapper mapper) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve(mapper));
            // the host adds a valve of this class at start unless it finds one: it finds ours
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
