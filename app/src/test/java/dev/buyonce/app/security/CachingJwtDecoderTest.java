package dev.buyonce.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CachingJwtDecoderTest {
    private final JwtSecret secret = JwtSecret.resolve("caching-decoder-test-secret-0123456789abcdef", false);
    private final MutableClock clock = new MutableClock(Instant.now());
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    private final AtomicInteger verifications = new AtomicInteger();
    private final CachingJwtDecoder decoder;

    CachingJwtDecoderTest() {
        expiry.setClock(clock);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(expiry);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new CachingJwtDecoder(counting, expiry, 100, Duration.ofMinutes(10));
    }

    @Test
    void verifiesTheSameTokenOnceAndAnswersTheSameClaims() {
        String token = DemoToken.sign(secret, "alice", List.of(), Duration.ofMinutes(5)).token();

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() {
        String token = DemoToken.sign(secret, "bob", List.of(), Duration.ofSeconds(30)).token();
        decoder.decode(token);

        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).as("the second refusal verifies again: a refused token leaves the cache").hasValue(2);
    }

    @Test
    void neverCachesATokenThatFailedVerification() {
        String token = DemoToken.sign(secret, "carol", List.of(), Duration.ofMinutes(5)).token();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
