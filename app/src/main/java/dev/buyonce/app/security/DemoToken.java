package dev.buyonce.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Announces, loudly, that the demo secret is in use, and hands out a ready token for trying the API. */
@Component
class DemoToken {
    private static final Logger log = LoggerFactory.getLogger(DemoToken.class);
    private final JwtSecret secret;

    DemoToken(JwtSecret secret) {
        this.secret = secret;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!secret.demo()) {
            return;
        }
        String token = sign(secret, "demo", List.of("admin"), Duration.ofDays(30)).token();
        log.warn("""

                *** BuyOnce is running with the BUILT-IN DEMO JWT SECRET: for local trial only. ***
                Set BUYONCE_JWT_SECRET (32+ bytes) for anything else; other profiles refuse to start without it.
                Demo token (user "demo", role admin, valid 30 days):
                {}
                """, token);
    }

    /** A serialized token and the instant it expires (JWT times are whole seconds). */
    record Signed(String token, Instant expiresAt) {
    }

    static Signed sign(JwtSecret secret, String subject, List<String> roles, Duration validity) {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant expiresAt = now.plus(validity);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(subject)
                    .claim("roles", roles)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(expiresAt))
                    .build());
            jwt.sign(new MACSigner(secret.key().getEncoded()));
            return new Signed(jwt.serialize(), expiresAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the demo token", e);
        }
    }
}
