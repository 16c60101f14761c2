package dev.buyonce.app.payments;

import static dev.buyonce.app.payments.Payments.attemptStatus;
import static dev.buyonce.app.payments.Payments.awaitAttemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.ledgerLines;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment deadline, on nodes of their own with a 4-second payment timeout (and no status check before
 * it, so nothing but the deadline acts): it survives a restart, and money arriving after it is refunded.
 */
class PaymentDeadlineTest {
    static final Map<String, Object> SHORT_DEADLINE = Map.of("buyonce.orders.payment-timeout", "PT4S",
            "buyonce.payments.status-check-after", "PT1M");
    static TestDatabase.Coordinates db;
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        node = Payments.start(db, SHORT_DEADLINE);
        TestCatalog.define(node.api());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theDeadlineStillFiresAfterARestartCancelsTheOrderAndReleasesTheProduct() {
        String token = Tokens.user(newUser("restart"));
        String orderId = placeOrder(node.api(), token, "o1", LIFETIME);
        String paymentId = startPayment(node.api(), token, orderId, "p1", "sandbox-card");
        Eventually.await("the deadline stored", () -> node.jdbc().queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class), n -> n >= 2);

        node.close();
        assertThat(cancellationsStored(orderId)).as("nothing cancelled the order before the restart").isZero();
        node = Payments.start(db, SHORT_DEADLINE);
        Api api = node.api();

        awaitOrderStatus(api, token, orderId, "CANCELLED");
        awaitAttemptStatus(api, token, orderId, paymentId, "CLOSED");
        assertThat(node.countEvents("OrderCancelled", "PAYMENT_DEADLINE_PASSED")).isPositive();
        Eventually.await("reservation released", () -> api.get("/api/entitlements/" + LIFETIME, token).json()
                .path("status").asText(), "NONE"::equals);
        assertThat(api.placeOrder(token, "o2", TestCatalog.order(LIFETIME, 1)).status()).isEqualTo(201);
    }

    /**
     * An order nobody tries to pay has no payment saga and no stored deadline of its own: the expiry sweep finds it in
     * the order view once its deadline passed, even if the deadline passed while no node was running.
     */
    @Test
    void anOrderNobodyTriesToPayIsCancelledAtItsDeadlineWithoutASagaEvenAcrossARestart() throws InterruptedException {
        String token = Tokens.user(newUser("unattempted"));
        String orderId = placeOrder(node.api(), token, "o1", LIFETIME);
        node.close();
        // down while the deadline passes
        Thread.sleep(5_000);
        assertThat(cancellationsStored(orderId)).as("nothing cancelled the order before the restart").isZero();
        node = Payments.start(db, SHORT_DEADLINE);
        Api api = node.api();

        awaitOrderStatus(api, token, orderId, "CANCELLED");
        Eventually.await("reservation released", () -> api.get("/api/entitlements/" + LIFETIME, token).json()
                .path("status").asText(), "NONE"::equals);
        Eventually.await("the payment saga caught up with the log", () -> sagaLag(api), lag -> lag == 0);
        assertThat(cancellationsStored(orderId)).as("cancelled once").isEqualTo(1);
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM association_value_entry WHERE association_value = ?",
                Long.class, orderId)).as("no payment saga for an order nobody tried to pay").isZero();
    }

    @Test
    void anOrderNobodyTriesToPayExpiresOnTheEmbeddedDefaultToo(@TempDir Path dataDir) {
        try (BuyOnceNode embedded = BuyOnceNode.embedded(dataDir.toString(), Map.of("buyonce.demo.catalog", "false",
                "buyonce.orders.payment-timeout", "PT2S"))) {
            TestCatalog.define(embedded.api());
            String token = Tokens.user(newUser("embedded"));
            String orderId = placeOrder(embedded.api(), token, "o1", LIFETIME);
            awaitOrderStatus(embedded.api(), token, orderId, "CANCELLED");
            assertThat(embedded.countEvents("OrderCancelled", orderId)).isEqualTo(1);
        }
    }

    @Test
    void moneyPaidAfterTheDeadlineIsRefunded() {
        String token = Tokens.user(newUser("late"));
        Api api = node.api();
        String orderId = placeOrder(api, token, "o1", LIFETIME);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-wallet");
        awaitOrderStatus(api, token, orderId, "CANCELLED");
        awaitAttemptStatus(api, token, orderId, paymentId, "CLOSED");

        Api.Response refused = pay(api, paymentId, "DELIVER", false);
        Api.Response forced = pay(api, paymentId, "DELIVER", true);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PAYMENT_NOT_PAYABLE");
        assertThat(forced.status()).isEqualTo(200);
        awaitAttemptStatus(api, token, orderId, paymentId, "REFUNDED");
        assertThat(ledgerLines(api, paymentId, "CAPTURE")).isEqualTo(1);
        assertThat(ledgerLines(api, paymentId, "REFUND")).isEqualTo(1);
        assertThat(Payments.orderStatus(api, token, orderId)).isEqualTo("CANCELLED");
        assertThat(node.countEvents("OrderPaid", orderId)).isZero();
        assertThat(node.countEvents("PaymentCaptureRejected", "ORDER_CANCELLED")).isEqualTo(1);
        assertThat(attemptStatus(api, token, orderId, paymentId)).isEqualTo("REFUNDED");
    }

    /** How many events the payment saga has still to handle, as the admin API reports it. */
    private static long sagaLag(Api api) {
        for (com.fasterxml.jackson.databind.JsonNode processor : api.get("/api/admin/projections", Payments.ADMIN).json()) {
            if ("saga".equals(processor.path("kind").asText())) {
                return processor.path("lagEvents").asLong(-1);
            }
        }
        throw new AssertionError("the admin API lists no saga");
    }

    private static long cancellationsStored(String orderId) {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM domain_event_entry"
                     + " WHERE aggregate_identifier = ? AND payload_type LIKE '%.OrderCancelled'")) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
