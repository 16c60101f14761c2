package dev.buyonce.saga.sandbox;

import dev.buyonce.saga.provider.NotificationRejected;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, the scheme Stripe uses: the
 * timestamp is signed with the body, so a captured notification cannot be replayed after the tolerance.
 */
final class SandboxSignature {
    static final String HEADER = "Sandbox-Signature";
    static final Duration TOLERANCE = Duration.ofSeconds(300);
    private final byte[] secret;

    SandboxSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + body);
    }

    /** Accepts only a well-formed header whose signature matches and whose timestamp is within the tolerance. */
    void verify(String header, String body, Instant now) {
        if (header == null || header.isBlank()) {
            throw NotificationRejected.unauthentic("missing " + HEADER + " header");
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = parseSeconds(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null) {
            throw NotificationRejected.malformed(HEADER + " must be t=<unix seconds>,v1=<hex>");
        }
        byte[] expected = hmac(t + "." + body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, v1.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw NotificationRejected.unauthentic("signature does not match");
        }
        // compared as seconds, so no timestamp (t=2^62, t=-2^62) can overflow an Instant
        long nowSeconds = now.getEpochSecond();
        if (t < nowSeconds - TOLERANCE.toSeconds() || t > nowSeconds + TOLERANCE.toSeconds()) {
            throw NotificationRejected.unauthentic("timestamp outside the " + TOLERANCE.toSeconds() + " s tolerance");
        }
    }

    private static Long parseSeconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw NotificationRejected.malformed("t is not a number of seconds");
        }
    }

    private String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
