package dev.buyonce.app.payments;

import static dev.buyonce.app.payments.Payments.attemptStatus;
import static dev.buyonce.app.payments.Payments.awaitAttemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.ledgerLines;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.requestPayment;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paying through HTTP against the sandbox provider on PostgreSQL: requests, callbacks, status checks, refunds. */
class PayingThroughTheSandboxTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = Payments.node();
        api = node.api();
    }

    @Test
    void opensAPaymentAndAnswersARetryWithTheSameAttempt() {
        String token = Tokens.user(newUser("payer"));
        String orderId = placeOrder(api, token, "o1", COFFEE);

        Api.Response first = requestPayment(api, token, orderId, "p1", "sandbox-card");
        Api.Response again = requestPayment(api, token, orderId, "p1", "sandbox-card");
        Api.Response reused = requestPayment(api, token, orderId, "p1", "sandbox-wallet");

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode body = first.json();
        assertThat(body.path("status").asText()).isEqualTo("PENDING");
        assertThat(body.path("orderId").asText()).isEqualTo(orderId);
        assertThat(body.path("channel").asText()).isEqualTo("sandbox-card");
        assertThat(body.path("amount").path("amount").asText()).isEqualTo("9.90");
        assertThat(body.path("payUrl").asText()).isEqualTo("/sandbox/payments/" + body.path("paymentId").asText() + "/pay");
        assertThat(body.path("duplicated").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("duplicated").asBoolean()).isTrue();
        assertThat(again.json().path("paymentId").asText()).isEqualTo(body.path("paymentId").asText());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(node.countEvents("PaymentRequested", orderId)).isEqualTo(1);
        awaitAttemptStatus(api, token, orderId, body.path("paymentId").asText(), "PENDING");
    }

    @Test
    void refusesPaymentsForOthersOrdersAndForOrdersNotAwaitingPayment() {
        String token = Tokens.user(newUser("owner"));
        String orderId = placeOrder(api, token, "o1", COFFEE);
        Api.Response intruder = requestPayment(api, Tokens.user(newUser("intruder")), orderId, "p1", "sandbox-card");
        Api.Response unknownChannel = requestPayment(api, token, orderId, "p1", "carrier-pigeon");
        Api.Response noKey = api.call("POST", "/api/orders/" + orderId + "/payments").token(token)
                .json("{\"channel\":\"sandbox-card\"}").send();
        assertThat(api.post("/api/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
        Api.Response cancelled = requestPayment(api, token, orderId, "p2", "sandbox-card");

        assertThat(intruder.status()).isEqualTo(404);
        assertThat(intruder.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.code()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(node.countEvents("PaymentRequested", orderId)).isZero();
    }

    @Test
    void aDuplicatedCallbackPaysOnceAndGrantsOnce() {
        String user = newUser("dup");
        String token = Tokens.user(user);
        String orderId = placeOrder(api, token, "o1", LIFETIME);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");

        Api.Response paid = pay(api, paymentId, "DUPLICATE", false);

        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        awaitOrderStatus(api, token, orderId, "PAID");
        Eventually.await("both deliveries acknowledged", Duration.ofSeconds(20), () -> node.jdbc().queryForObject(
                "SELECT count(*) FROM payment_inbox WHERE payment_id = ?::uuid", Long.class, paymentId), n -> n == 1);
        Eventually.await("owned", () -> api.get("/api/entitlements/" + LIFETIME, token).json().path("status").asText(),
                "OWNED"::equals);
        assertThat(node.countEvents("OrderPaid", orderId)).isEqualTo(1);
        assertThat(node.countEvents("EntitlementGranted", orderId)).isEqualTo(1);
        assertThat(node.countEvents("PaymentCaptureRejected", orderId)).isZero();
        assertThat(ledgerLines(api, paymentId, "CAPTURE")).isEqualTo(1);
        assertThat(ledgerLines(api, paymentId, "REFUND")).isZero();
        assertThat(attemptStatus(api, token, orderId, paymentId)).isIn("CAPTURED", "PENDING");
        awaitAttemptStatus(api, token, orderId, paymentId, "CAPTURED");
        assertThat(pay(api, paymentId, "DELIVER", false).code()).isEqualTo("PAYMENT_NOT_PAYABLE");
    }

    @Test
    void aLostCallbackIsFoundByTheStatusCheck() {
        String token = Tokens.user(newUser("lost"));
        String orderId = placeOrder(api, token, "o1", COFFEE);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-wallet");

        assertThat(pay(api, paymentId, "DROP", false).status()).isEqualTo(200);

        awaitOrderStatus(api, token, orderId, "PAID");
        assertThat(node.countEvents("OrderPaid", orderId)).isEqualTo(1);
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM payment_inbox WHERE payment_id = ?::uuid",
                Long.class, paymentId)).isZero();
    }
}
