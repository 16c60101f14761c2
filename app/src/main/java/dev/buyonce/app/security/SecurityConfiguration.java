package dev.buyonce.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.app.AppSettings;
import dev.buyonce.app.web.Problems;
import dev.buyonce.app.web.RejectedRequests;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: HS256 JWTs, the user id from {@code sub}, the {@code admin} role from
 * the {@code roles} claim. Provider webhooks and the sandbox authenticate by signature, not by token.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    JwtSecret jwtSecret(AppSettings settings) {
        return JwtSecret.resolve(settings.security().jwtSecret(), settings.security().allowDemoSecret());
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSecret secret, AppSettings settings) {
        AppSettings.Security security = settings.security();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> subject = jwt -> UserId.isValid(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "sub must be 1-64 of [A-Za-z0-9_-]", null));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subject,
                new TokenRules(security.maxTokenLifetime(), java.time.Clock.systemUTC()));
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator, security.verifiedTokens().maximumSize(),
                security.verifiedTokens().keepFor());
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: it
     * roughly doubled the cost of the filter chain. HTTP server metrics (one observation per request)
     * stay, and so do the security events in the log.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Paths and header values the firewall refuses are the client's doing: a 400 problem, not the container's page. */
    @Bean
    WebSecurityCustomizer rejectedRequestsAsProblems(ObjectMapper mapper) {
        return web -> web.requestRejectedHandler(new RejectedRequests(mapper));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, ObjectMapper mapper) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);

        // A stateless token API: no CSRF (no cookies), no session, no saved requests to resume after a
        // login page, no logout endpoint. (The servlet-API wrapper stays: order history asks isUserInRole.)
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics show the data path, admin routes and traffic: admins only on the API port
                        .requestMatchers("/actuator/prometheus").hasRole("admin")
                        .requestMatchers("/api/payments/notifications/**", "/sandbox/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the buyer's page: its files hold no data (every call it makes carries a token); the demo
                        // token answers 404 unless the built-in demo secret is in use
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/page/**", "/favicon.ico", "/favicon.svg",
                                "/api/demo-token").permitAll()
                        // the API's description and Swagger UI show no data: readable before signing in
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("admin")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(mapper, response, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(mapper, response, ErrorCode.FORBIDDEN, "this endpoint needs the admin role")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(mapper, response, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(mapper, response, ErrorCode.FORBIDDEN, "this endpoint needs the admin role")));
        return http.build();
    }
}
