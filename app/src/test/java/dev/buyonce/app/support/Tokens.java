package dev.buyonce.app.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs test bearer tokens with the test secret. */
public final class Tokens {
    public static final String SECRET = "test-secret-for-buyonce-integration-tests-0123456789";

    private Tokens() {
    }

    public static String user(String subject) {
        return sign(SECRET, subject, List.of(), Instant.now().plusSeconds(3600));
    }

    public static String admin(String subject) {
        return sign(SECRET, subject, List.of("admin"), Instant.now().plusSeconds(3600));
    }

    public static String sign(String secret, String subject, List<String> roles, Instant expires) {
        return signed(secret, new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .expirationTime(Date.from(expires)).build());
    }

    /** A token with exactly these claims, signed with the test secret. */
    public static String withClaims(JWTClaimsSet claims) {
        return signed(SECRET, claims);
    }

    private static String signed(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
