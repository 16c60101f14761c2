package dev.buyonce.app.limits;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token buckets per user and per address, and the cap on unpaid orders, on a node with small limits: 8
 * order writes per user, 5 unauthenticated requests per address (each refilled by one an hour), 3 unpaid orders.
 */
class RateLimitsTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.onPostgres(TestDatabase.fresh(), Map.of(
                "buyonce.payments.sandbox.enabled", "true",
                "buyonce.limits.rate.orders.capacity", "8",
                "buyonce.limits.rate.orders.refill", "1",
                "buyonce.limits.rate.orders.period", "PT1H",
                "buyonce.limits.rate.anonymous.capacity", "5",
                "buyonce.limits.rate.anonymous.refill", "1",
                "buyonce.limits.rate.anonymous.period", "PT1H",
                "buyonce.limits.max-unpaid-orders-per-user", "3"));
        api = node.api();
        TestCatalog.define(api);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aUserOverTheOrderWriteLimitIsRefusedWhileAnotherUserIsNot() {
        String busy = Tokens.user(newUser("busy"));
        // one order, then replays of it: eight order writes fit the bucket, none adds an unpaid order
        for (int i = 0; i < 8; i++) {
            Api.Response answer = api.placeOrder(busy, "same-key", order(COFFEE, 1));
            assertThat(answer.status()).as(answer.text()).isIn(200, 201);
        }
        Api.Response refused = api.placeOrder(busy, "same-key", order(COFFEE, 1));
        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        // reads are another family: the same user still reads
        assertThat(api.get("/api/orders?page=0&size=20", busy).status()).isEqualTo(200);

        Api.Response other = api.placeOrder(Tokens.user(newUser("calm")), "k-1", order(COFFEE, 1));
        assertThat(other.status()).as(other.text()).isEqualTo(201);
    }

    @Test
    void anAddressOverTheUnauthenticatedLimitIsRefusedButProviderCallbacksAreNot() {
        int refusals = 0;
        for (int i = 0; i < 6; i++) {
            Api.Response health = api.get("/actuator/health", null);
            if (health.status() == 429) {
                refusals++;
                assertThat(health.code()).isEqualTo("RATE_LIMITED");
                assertThat(Long.parseLong(health.header("Retry-After"))).isPositive();
            }
        }
        assertThat(refusals).as("at most 5 unauthenticated requests from one address").isGreaterThanOrEqualTo(1);
        // a token that does not verify is no user: it is metered by address too
        Api.Response forged = api.get("/api/orders?page=0&size=20", "not-a-token");
        assertThat(forged.status()).as(forged.text()).isEqualTo(429);

        for (int i = 0; i < 10; i++) {
            Api.Response callback = api.post("/api/payments/notifications/sandbox", null, "{\"forged\":true}");
            assertThat(callback.status()).as(callback.text()).isNotEqualTo(429).isBetween(400, 499);
        }
    }

    @Test
    void aUserWithTheMaximumOfUnpaidOrdersIsRefusedUntilOneIsCancelled() {
        String user = newUser("hoarder");
        String token = Tokens.user(user);
        String cancellable = null;
        for (int i = 1; i <= 3; i++) {
            Api.Response placed = api.placeOrder(token, "unpaid-" + i, order(COFFEE, 1));
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            cancellable = placed.json().path("orderId").asText();
        }
        Api.Response refused = api.placeOrder(token, "unpaid-4", order(COFFEE, 1));
        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        // the first unpaid order expires at its payment deadline (15 min): that is when one more fits
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(800L, 900L);
        assertThat(node.countEvents("OrderPlaced", user)).isEqualTo(3);

        Api.Response replay = api.placeOrder(token, "unpaid-3", order(COFFEE, 1));
        assertThat(replay.status()).as("a retry of an existing order is still answered").isEqualTo(200);

        assertThat(api.post("/api/orders/" + cancellable + "/cancel", token, "").status()).isEqualTo(200);
        Api.Response afterCancel = api.placeOrder(token, "unpaid-4", order(COFFEE, 1));
        assertThat(afterCancel.status()).as(afterCancel.text()).isEqualTo(201);
    }
}
