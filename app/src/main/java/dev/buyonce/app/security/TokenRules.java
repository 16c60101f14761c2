package dev.buyonce.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a bearer token must say besides its signature, checked on every request: it expires ({@code exp}),
 * and not later than {@code maxLifetime} after it was issued, so no token lives forever, an admin's least of
 * all; and its {@code roles}, when present, are a list of strings. The issue time counted is {@code iat}
 * when it lies in the past, else now: Spring fills a missing {@code iat} with one second before {@code exp},
 * which must not make a token without it look short-lived.
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {
    private final Duration maxLifetime;
    private final Clock clock;

    TokenRules(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expires = token.getExpiresAt();
        if (expires == null) {
            return invalid("the token must expire (exp)");
        }
        Instant now = clock.instant();
        Instant issued = token.getIssuedAt() == null || token.getIssuedAt().isAfter(now) ? now : token.getIssuedAt();
        if (Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            return invalid("the token lives longer than " + maxLifetime);
        }
        Object roles = token.getClaims().get("roles");
        if (roles != null && !(roles instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance))) {
            return invalid("roles must be a list of strings");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
