package dev.buyonce.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 bearer tokens as BuyOnce accepts them (claims sub, roles, exp), signed with the run's secret. */
final class Jwt {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    Jwt(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String user(String subject) {
        return sign(subject, "[]");
    }

    String admin(String subject) {
        return sign(subject, "[\"admin\"]");
    }

    private String sign(String subject, String roles) {
        long exp = Instant.now().plusSeconds(3 * 3600).getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"sub\":\"" + subject + "\",\"roles\":" + roles + ",\"exp\":" + exp + "}");
        String signingInput = header + "." + claims;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
