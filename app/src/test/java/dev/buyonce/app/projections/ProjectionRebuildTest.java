package dev.buyonce.app.projections;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Any projection can be thrown away and rebuilt from the event log, and comes out identical. */
class ProjectionRebuildTest {
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.onPostgres(TestDatabase.fresh(), Map.of());
        TestCatalog.define(node.api());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void rebuildingOrdersAndEntitlementsGivesTheSameViews() {
        Api api = node.api();
        for (int i = 0; i < 12; i++) {
            String token = Tokens.user("rebuild-" + i);
            String orderId = api.placeOrder(token, "k", order(i % 2 == 0 ? LIFETIME : COFFEE, 1)).json().path("orderId").asText();
            api.placeOrder(token, "k2", order(COURSE, 1));
            if (i % 3 == 0) {
                api.post("/api/orders/" + orderId + "/cancel", token, "");
            }
        }
        api.call("POST", "/api/admin/imports/purchases").token(Tokens.admin("a"))
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"legacy\",\"productId\":\"lifetime\",\"purchasedAt\":\"2019-01-01T00:00:00Z\",\"reference\":\"L1\"}\n"))
                .send();
        long expectedOrders = 24;
        List<Map<String, Object>> orders = Eventually.await("orders projected", () -> rows("order_view", "order_id"),
                r -> r.size() == expectedOrders && r.stream().filter(o -> "CANCELLED".equals(o.get("status"))).count() == 4);
        List<Map<String, Object>> entitlements = Eventually.await("entitlements projected",
                () -> rows("entitlement_view", "user_id, product_id"), r -> r.size() == 19 && r.equals(rows("entitlement_view", "user_id, product_id")));

        rebuild("orders");
        rebuild("entitlements");

        Eventually.await("orders rebuilt identically", () -> rows("order_view", "order_id"), orders::equals);
        Eventually.await("entitlements rebuilt identically", () -> rows("entitlement_view", "user_id, product_id"), entitlements::equals);
        assertThat(rows("order_view", "order_id")).isEqualTo(orders);
    }

    private void rebuild(String name) {
        PooledStreamingEventProcessor processor = node.bean(EventProcessingConfiguration.class)
                .eventProcessor(name, PooledStreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private List<Map<String, Object>> rows(String table, String orderBy) {
        return node.jdbc().queryForList("SELECT * FROM " + table + " ORDER BY " + orderBy);
    }
}
