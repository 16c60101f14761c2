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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
