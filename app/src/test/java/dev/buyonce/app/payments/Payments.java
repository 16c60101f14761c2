package dev.buyonce.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payment tests' node and steps: the sandbox provider on, a short status check (PT1S, backing off to
 * PT2S) so a lost callback is found quickly, deadlines polled often. One node serves every payment test that
 * needs no other properties.
 */
public final class Payments {
    public static final String ADMIN = Tokens.admin("payments-admin");
    private static BuyOnceNode shared;

    private Payments() {
    }

    public static synchronized BuyOnceNode node() {
        if (shared == null) {
            shared = start(TestDatabase.fresh(), Map.of());
            TestCatalog.define(shared.api());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.close()));
        }
        return shared;
    }

    public static BuyOnceNode start(TestDatabase.Coordinates db, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("buyonce.payments.sandbox.enabled", "true");
        properties.put("buyonce.payments.sandbox.webhook-secret", PayingThroughTheSandboxTest.SECRET);
        properties.put("buyonce.payments.status-check-after", "PT1S");
        properties.put("buyonce.payments.status-check-max-interval", "PT2S");
        properties.put("db-scheduler.polling-interval", "200ms");
        properties.putAll(extra);
        return BuyOnceNode.onPostgres(db, properties);
    }

    public static String placeOrder(Api api, String token, String key, String productId) {
        Api.Response placed = api.placeOrder(token, key, TestCatalog.order(productId, 1));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return placed.json().path("orderId").asText();
    }

    /** Imports one legacy purchase of {@code productId} by {@code user} (dated 2019) and checks it was taken. */
    public static void importPurchase(Api api, String user, String productId) {
        Api.Response imported = api.call("POST", "/api/admin/imports/purchases").token(ADMIN)
                .body("application/x-ndjson", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"%s\",\"productId\":\"%s\",\"purchasedAt\":\"2019-05-01T00:00:00Z\",\"reference\":\"legacy-%s\"}\n"
                                .formatted(user, productId, user)))
                .send();
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
    }

    public static Api.Response requestPayment(Api api, String token, String orderId, String key, String channel) {
        return api.call("POST", "/api/orders/" + orderId + "/payments").token(token).idempotencyKey(key)
                .json("{\"channel\":\"" + channel + "\"}").send();
    }

    public static String startPayment(Api api, String token, String orderId, String key, String channel) {
        Api.Response created = requestPayment(api, token, orderId, key, channel);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("paymentId").asText();
    }

    public static Api.Response pay(Api api, String paymentId, String notification, boolean force) {
        return api.call("POST", "/sandbox/payments/" + paymentId + "/pay")
                .json("{\"notification\":\"" + notification + "\",\"force\":" + force + "}").send();
    }

    /** The order's status as its owner reads it, or "HTTP nnn" while the order view does not show it yet. */
    public static String orderStatus(Api api, String token, String orderId) {
        Api.Response order = api.get("/api/orders/" + orderId, token);
        return order.status() == 200 ? order.json().path("status").asText() : "HTTP " + order.status();
    }

    public static void awaitOrderStatus(Api api, String token, String orderId, String status) {
        Eventually.await("order " + orderId + " " + status, Duration.ofSeconds(30),
                () -> orderStatus(api, token, orderId), status::equals);
    }

    /** The attempt's status in GET /api/orders/{orderId}/payments. */
    public static String attemptStatus(Api api, String token, String orderId, String paymentId) {
        for (JsonNode attempt : api.get("/api/orders/" + orderId + "/payments", token).json()) {
            if (attempt.path("paymentId").asText().equals(paymentId)) {
                return attempt.path("status").asText();
            }
        }
        return "ABSENT";
    }

    public static void awaitAttemptStatus(Api api, String token, String orderId, String paymentId, String status) {
        Eventually.await("payment " + paymentId + " " + status, Duration.ofSeconds(30),
                () -> attemptStatus(api, token, orderId, paymentId), status::equals);
    }

    /** Ledger lines of one payment: CAPTURE and REFUND counts. */
    public static long ledgerLines(Api api, String paymentId, String type) {
        JsonNode ledger = api.get("/sandbox/ledger", null).json();
        long count = 0;
        for (JsonNode entry : ledger) {
            if (entry.path("paymentId").asText().equals(paymentId) && entry.path("type").asText().equals(type)) {
                count++;
            }
        }
        return count;
    }

    public static JsonNode reconciliation(Api api) {
        Api.Response report = api.get("/api/admin/reconciliation", ADMIN);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        return report.json();
    }
}
