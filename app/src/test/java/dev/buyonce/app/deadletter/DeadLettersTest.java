package dev.buyonce.app.deadletter;

import static dev.buyonce.app.payments.Payments.ADMIN;
import static dev.buyonce.app.payments.Payments.attemptStatus;
import static dev.buyonce.app.payments.Payments.awaitAttemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event a processor cannot handle is parked and listed; the processor's other events keep flowing; a
 * retry once the cause is gone handles it (and what was parked behind it) and empties the queue. The cause is
 * made real on PostgreSQL, where a failed statement would abort the processor's whole batch: a check
 * constraint that refuses exactly one row the handler writes, dropped again before the retry.
 */
class DeadLettersTest {
    private static BuyOnceNode node;
    private static Api api;

    @BeforeAll
    static void start() {
        node = Payments.start(TestDatabase.fresh(), Map.of());
        api = node.api();
        TestCatalog.define(api);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPurchasePatternThatCannotBeWrittenIsParkedListedAndRetried() {
        String poison = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response defined = api.post("/api/admin/products", ADMIN, """
                {"id":"%s","name":"Poisoned coffee","kind":"CONSUMABLE","price":{"amount":"3.00","currency":"CNY"}}
                """.formatted(poison));
        assertThat(defined.status()).as(defined.text()).isEqualTo(201);
        node.jdbc().execute("ALTER TABLE consumable_purchase_view ADD CONSTRAINT dead_letter_test "
                + "CHECK (product_id <> '" + poison + "')");
        try {
            String buyer = newUser("poisoned");
            String parked = placeOrder(api, Tokens.user(buyer), "k1", poison);
            JsonNode letter = Eventually.await("the poisoned purchase parked", Duration.ofSeconds(30),
                    () -> lettersOf("purchase-patterns", parked), list -> !list.isEmpty()).get(0);
            assertThat(letter.path("eventType").asText()).isEqualTo("OrderPlaced");
            assertThat(letter.path("causeMessage").asText()).contains("dead_letter_test");

            String later = placeOrder(api, Tokens.user(newUser("healthy")), "k1", COFFEE);
            Eventually.await("a later purchase recorded although an earlier one is parked", Duration.ofSeconds(30),
                    () -> purchasesOf(later), n -> n == 1);
            assertThat(purchasesOf(parked)).isZero();
            assertThat(retry("purchase-patterns").path("failed").asInt())
                    .as("a retry while the cause is still there fails and keeps the letter").isEqualTo(1);
            assertThat(lettersOf("purchase-patterns", parked)).hasSize(1);
        } finally {
            node.jdbc().execute("ALTER TABLE consumable_purchase_view DROP CONSTRAINT dead_letter_test");
        }
        JsonNode outcome = retry("purchase-patterns");
        assertThat(outcome.path("handled").asInt()).isEqualTo(1);
        assertThat(outcome.path("remaining").asInt()).isZero();
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM consumable_purchase_view WHERE product_id = ?",
                Long.class, poison)).isEqualTo(1);
    }

    @Test
    void aSagaEventThatFailsIsParkedWithWhatFollowsItAndHandledInOrderOnRetry() {
        String token = Tokens.user(newUser("saga-poisoned"));
        String orderId = placeOrder(api, token, "k1", LIFETIME);
        String first = startPayment(api, token, orderId, "p1", "sandbox-card");
        // the second attempt makes the saga record a call that closes the first: refuse exactly that row
        node.jdbc().execute("ALTER TABLE scheduled_tasks ADD CONSTRAINT dead_letter_test "
                + "CHECK (task_instance <> 'settle:" + first + "')");
        String second;
        try {
            second = startPayment(api, token, orderId, "p2", "sandbox-wallet");
            Eventually.await("the second attempt's event parked", Duration.ofSeconds(30),
                    () -> lettersOf("PaymentSagaProcessor", orderId), list -> list.size() == 1);
            // the order is paid through the second attempt; the saga's OrderPaid queues behind the parked event
            pay(api, second, "DELIVER", false);
            awaitOrderStatus(api, token, orderId, "PAID");
            List<JsonNode> parked = Eventually.await("OrderPaid parked behind it", Duration.ofSeconds(30),
                    () -> lettersOf("PaymentSagaProcessor", orderId), list -> list.size() == 2);
            assertThat(parked).extracting(l -> l.path("eventType").asText())
                    .containsExactly("PaymentRequested", "OrderPaid");
            // db-scheduler meets the refused insert first and fails on its next statement in the aborted transaction
            assertThat(parked.get(0).path("causeMessage").asText()).containsAnyOf("dead_letter_test", "transaction is aborted");

            // another order's saga keeps working meanwhile: its second attempt closes its first
            String otherToken = Tokens.user(newUser("saga-healthy"));
            String other = placeOrder(api, otherToken, "k1", LIFETIME);
            String otherFirst = startPayment(api, otherToken, other, "p1", "sandbox-card");
            startPayment(api, otherToken, other, "p2", "sandbox-wallet");
            awaitAttemptStatus(api, otherToken, other, otherFirst, "CLOSED");
            assertThat(attemptStatus(api, token, orderId, first)).isEqualTo("PENDING");
        } finally {
            node.jdbc().execute("ALTER TABLE scheduled_tasks DROP CONSTRAINT dead_letter_test");
        }
        JsonNode outcome = retry("PaymentSagaProcessor");
        assertThat(outcome.path("handled").asInt()).isEqualTo(2);
        assertThat(outcome.path("remaining").asInt()).isZero();
        awaitAttemptStatus(api, token, orderId, first, "CLOSED");
        assertThat(lettersOf("PaymentSagaProcessor", orderId)).isEmpty();
    }

    @Test
    void theListingNamesEveryAsynchronousProcessorAndRetryKnowsNoOther() {
        JsonNode all = api.get("/api/admin/dead-letters", ADMIN).json();
        assertThat(all.findValuesAsText("processor")).containsExactlyInAnyOrder("PaymentSagaProcessor", "purchase-patterns");
        Api.Response unknown = api.post("/api/admin/dead-letters/orders/retry", ADMIN, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/admin/dead-letters", Tokens.user(newUser("nosy"))).status()).isEqualTo(403);
    }

    private static JsonNode retry(String processor) {
        Api.Response retried = api.post("/api/admin/dead-letters/" + processor + "/retry", ADMIN, "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(202);
        return retried.json();
    }

    private static List<JsonNode> lettersOf(String processor, String sequence) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode queue : api.get("/api/admin/dead-letters", ADMIN).json()) {
            if (queue.path("processor").asText().equals(processor)) {
                queue.path("oldest").forEach(letter -> {
                    if (letter.path("sequence").asText().equals(sequence)) {
                        found.add(letter);
                    }
                });
            }
        }
        return found;
    }

    private static long purchasesOf(String orderId) {
        return node.jdbc().queryForObject("SELECT count(*) FROM consumable_purchase_view WHERE order_id = ?::uuid",
                Long.class, orderId);
    }
}
