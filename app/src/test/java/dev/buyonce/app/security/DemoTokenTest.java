package dev.buyonce.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/demo-token: a working token without signing in, only where the public demo secret is in use. */
class DemoTokenTest {

    @Test
    void handsOutAUserTokenWithoutAuthenticationOnTheDemoSecret(@TempDir Path dataDir) {
        // an empty secret on the embedded default: the built-in demo secret
        try (BuyOnceNode node = BuyOnceNode.embedded(dataDir.toString(),
                Map.of("buyonce.security.jwt-secret", "", "buyonce.demo.catalog", "false"))) {
            Api api = node.api();
            Api.Response issued = api.get("/api/demo-token", null);

            assertThat(issued.status()).as(issued.text()).isEqualTo(200);
            JsonNode body = issued.json();
            assertThat(body.path("userId").asText()).isEqualTo("demo");
            Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
            assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
            String token = body.path("token").asText();
            assertThat(api.get("/api/orders?page=0&size=1", token).status()).as("the token is accepted").isEqualTo(200);
            assertThat(api.get("/api/admin/projections", token).code()).as("and carries no admin role").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void doesNotExistWithARealSecret() {
        Api api = BuyOnceNode.shared().api();

        Api.Response answer = api.get("/api/demo-token", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().has("token")).isFalse();
    }
}
