package dev.buyonce.app.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key for bearer tokens. Only the embedded default profile may fall back to the built-in demo
 * secret; every other profile refuses to start without an explicit one.
 */
record JwtSecret(SecretKey key, boolean demo) {
    /** Public by design: it is only ever accepted where {@code buyonce.security.allow-demo-secret} is true. */
    static final String DEMO = "buyonce-demo-secret-for-local-trial-only-0123456789";

    static JwtSecret resolve(String configured, boolean demoAllowed) {
        if (configured == null || configured.isBlank()) {
            if (!demoAllowed) {
                throw new IllegalStateException("BUYONCE_JWT_SECRET (buyonce.security.jwt-secret) must be set: "
                        + "only the embedded default profile may run with the demo secret");
            }
            return new JwtSecret(key(DEMO), true);
        }
        if (configured.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("BUYONCE_JWT_SECRET must be at least 32 bytes for HS256");
        }
        return new JwtSecret(key(configured), false);
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
