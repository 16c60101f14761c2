package dev.buyonce.app.audit;

import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Support and auditors can prove from the event log alone who did what to an order, under which request. */
class OrderHistoryTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
    }

    @Test
    void theHistoryListsTheOrdersEventsWithWhoWhichKeyAndWhichRequest() {
        String user = newUser("audited");
        String token = Tokens.user(user);
        Api.Response placed = node.api().call("POST", "/api/orders").token(token).idempotencyKey("audit-key")
                .header("X-Correlation-Id", "support-ticket-77").header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .json(order(LIFETIME, 1)).send();
        String orderId = placed.json().path("orderId").asText();
        assertThat(placed.header("X-Correlation-Id")).isEqualTo("support-ticket-77");
        Api.Response cancelled = node.api().post("/api/orders/" + orderId + "/cancel", token, "");

        JsonNode history = node.api().get("/api/orders/" + orderId + "/history", token).json();

        assertThat(history).hasSize(2);
        JsonNode first = history.get(0);
        assertThat(first.path("sequence").asLong()).isZero();
        assertThat(first.path("type").asText()).isEqualTo("OrderPlaced");
        assertThat(first.path("timestamp").asText()).isNotBlank();
        assertThat(first.path("payload").path("orderId").asText()).isEqualTo(orderId);
        assertThat(first.path("payload").path("total").path("amount").asText()).isEqualTo("199.00");
        assertThat(first.path("metadata").path("userId").asText()).isEqualTo(user);
        assertThat(first.path("metadata").path("idempotencyKey").asText()).isEqualTo("audit-key");
        assertThat(first.path("metadata").path("correlationId").asText()).isEqualTo("support-ticket-77");
        assertThat(first.path("metadata").path("traceId").asText()).isEqualTo(TRACE);
        JsonNode second = history.get(1);
        assertThat(second.path("sequence").asLong()).isEqualTo(1);
        assertThat(second.path("type").asText()).isEqualTo("OrderCancelled");
        assertThat(second.path("metadata").path("userId").asText()).isEqualTo(user);
        assertThat(second.path("metadata").path("correlationId").asText()).isEqualTo(cancelled.header("X-Correlation-Id"));
        assertThat(second.path("metadata").has("idempotencyKey")).isFalse();
        assertThat(history.toString()).doesNotContain("Bearer").doesNotContain(Tokens.SECRET);
    }

    @Test
    void theReservationCarriesTheSameRequestMetadataAsTheOrder() {
        String user = newUser("meta");
        node.api().call("POST", "/api/orders").token(Tokens.user(user)).idempotencyKey("k")
                .header("X-Correlation-Id", "corr-" + user).json(order(LIFETIME, 1)).send();
        String metadata = new String(node.jdbc().queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%.EntitlementReserved' AND position(? in convert_from(payload, 'UTF8')) > 0",
                byte[].class, user));
        assertThat(metadata).contains("\"correlationId\":\"corr-" + user + "\"").contains("\"userId\":\"" + user + "\"");
    }

    @Test
    void onlyTheOwnerOrAnAdminMayReadIt() {
        String token = Tokens.user(newUser("private"));
        String orderId = node.api().placeOrder(token, "k", order(LIFETIME, 1)).json().path("orderId").asText();

        assertThat(node.api().get("/api/orders/" + orderId + "/history", Tokens.user(newUser("nosy"))).code())
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(node.api().get("/api/orders/" + orderId + "/history", Tokens.admin("auditor")).json()).hasSize(1);
        assertThat(node.api().get("/api/orders/" + java.util.UUID.randomUUID() + "/history", token).status()).isEqualTo(404);
    }
}
