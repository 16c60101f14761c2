package dev.buyonce.app.orders;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop the service and start it again on the same database: orders, keys and ownership are all still there. */
class RestartTest {

    @Test
    void survivesARestartOnPostgres() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        survivesARestart(() -> BuyOnceNode.onPostgres(db, Map.of()), true);
    }

    @Test
    void survivesARestartOnTheEmbeddedDefault(@TempDir Path dataDir) {
        survivesARestart(() -> BuyOnceNode.embedded(dataDir.toString(), Map.of("buyonce.demo.catalog", "false")), true);
        assertThat(Files.exists(dataDir.resolve("buyonce.mv.db"))).as("H2 file under BUYONCE_DATA_DIR").isTrue();
    }

    private void survivesARestart(Supplier<BuyOnceNode> start, boolean defineCatalog) {
        String user = newUser("restart");
        String token = Tokens.user(user);
        String owner = newUser("owner");
        String orderId;
        String placedAt;
        try (BuyOnceNode node = start.get()) {
            if (defineCatalog) {
                TestCatalog.define(node.api());
            }
            Api.Response placed = node.api().placeOrder(token, "before-restart", order(COFFEE, 3));
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            orderId = placed.json().path("orderId").asText();
            placedAt = placed.json().path("createdAt").asText();
            node.api().call("POST", "/api/admin/imports/purchases").token(Tokens.admin("admin"))
                    .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":\"" + owner + "\",\"productId\":\"lifetime\",\"purchasedAt\":\"2018-01-01T00:00:00Z\",\"reference\":\"old\"}\n"))
                    .send();
            Eventually.await("order projected before the restart",
                    () -> node.api().get("/api/orders/" + orderId, token).status(), s -> s == 200);
        }

        try (BuyOnceNode node = start.get()) {
            Api api = node.api();
            Api.Response replay = api.placeOrder(token, "before-restart", order(COFFEE, 3));
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.json().path("orderId").asText()).isEqualTo(orderId);
            assertThat(replay.json().path("createdAt").asText()).isEqualTo(placedAt);
            assertThat(api.placeOrder(token, "before-restart", order(COFFEE, 4)).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(api.get("/api/orders/" + orderId, token).json().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
            assertThat(api.placeOrder(Tokens.user(owner), "new", order(LIFETIME, 1)).code()).isEqualTo("ALREADY_OWNED");
            assertThat(api.get("/api/entitlements/" + LIFETIME, Tokens.user(owner)).json().path("status").asText()).isEqualTo("OWNED");
            assertThat(node.countEvents("OrderPlaced", orderId)).isEqualTo(1);
        }
    }
}
