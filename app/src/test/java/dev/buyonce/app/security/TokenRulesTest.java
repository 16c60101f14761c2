package dev.buyonce.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    final TokenRules rules = new TokenRules(Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

    static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject("alice");
    }

    boolean valid(Jwt jwt) {
        return !rules.validate(jwt).hasErrors();
    }

    @Test
    void aTokenMustExpireWithinTheLongestLifetime() {
        assertThat(valid(token().claim("roles", List.of("admin")).build())).as("no exp").isFalse();
        assertThat(valid(token().expiresAt(NOW.plus(Duration.ofDays(31))).build())).as("31 days from now").isFalse();
        Instant far = NOW.plus(Duration.ofDays(31));
        assertThat(valid(token().issuedAt(far.minusSeconds(1)).expiresAt(far).build()))
                .as("an iat Spring made up from exp").isFalse();
        assertThat(valid(token().expiresAt(NOW.plus(Duration.ofDays(30))).build())).as("30 days from now").isTrue();
        assertThat(valid(token().issuedAt(NOW.minus(Duration.ofDays(40))).expiresAt(NOW.plusSeconds(60)).build()))
                .as("issued 40 days before it expires").isFalse();
        assertThat(valid(token().issuedAt(NOW.minus(Duration.ofDays(20))).expiresAt(NOW.plus(Duration.ofDays(10))).build()))
                .as("issued 30 days before it expires").isTrue();
    }

    @Test
    void rolesAreAListOfStringsWhenPresent() {
        Instant exp = NOW.plusSeconds(60);
        assertThat(valid(token().expiresAt(exp).build())).isTrue();
        assertThat(valid(token().expiresAt(exp).claim("roles", List.of("admin", "x")).build())).isTrue();
        assertThat(valid(token().expiresAt(exp).claim("roles", List.of(1, 2)).build())).isFalse();
        assertThat(valid(token().expiresAt(exp).claim("roles", Map.of("a", 1)).build())).isFalse();
        assertThat(valid(token().expiresAt(exp).claim("roles", "admin").build())).isFalse();
    }
}
