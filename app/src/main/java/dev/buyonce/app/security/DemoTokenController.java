package dev.buyonce.app.security;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/demo-token}: the buyer's page's "continue as demo" button. Served without a token, and only
 * while the built-in demo secret is in use: anyone can sign any token with that public secret anyway, so
 * handing one out gives nothing away. With a real secret the endpoint does not exist (404 NOT_FOUND).
 */
@RestController
class DemoTokenController {
    static final String USER = "demo";
    /** Long enough for a trial session; the page asks again once it is refused. No admin role: the page needs none. */
    static final Duration VALIDITY = Duration.ofHours(12);

    private final JwtSecret secret;

    DemoTokenController(JwtSecret secret) {
        this.secret = secret;
    }

    record IssuedToken(String token, String userId, Instant expiresAt) {
    }

    @GetMapping("/api/demo-token")
    IssuedToken demoToken() {
        if (!secret.demo()) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "no demo token: this service runs with its own JWT secret");
        }
        DemoToken.Signed signed = DemoToken.sign(secret, USER, List.of(), VALIDITY);
        return new IssuedToken(signed.token(), USER, signed.expiresAt());
    }
}
