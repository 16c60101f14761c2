package dev.buyonce.app.payments;

import static dev.buyonce.app.payments.Payments.attemptStatus;
import static dev.buyonce.app.payments.Payments.awaitAttemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.ledgerLines;
import static dev.buyonce.app.payments.Payments.orderStatus;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.requestPayment;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    @Test
    void aForgedStaleOrMalformedCallbackIsRejectedAndChangesNothing() {
        String token = Tokens.user(newUser("forged"));
        String orderId = placeOrder(api, token, "o1", COFFEE);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
        String body = """
                {"id":"evt_forged","type":"payment.captured","paymentId":"%s","orderId":"%s",\
                "amount":{"amount":"9.90","currency":"CNY"},"capturedAt":"%s"}""".formatted(paymentId, orderId, Instant.now());
        long now = Instant.now().getEpochSecond();

        Api.Response wrongSecret = notify(body, "t=" + now + ",v1=" + hmac("not-the-secret", now + "." + body));
        Api.Response stale = notify(body, "t=" + (now - 400) + ",v1=" + hmac(SECRET, (now - 400) + "." + body));
        Api.Response tampered = notify(body.replace("9.90", "0.01"), "t=" + now + ",v1=" + hmac(SECRET, now + "." + body));
        Api.Response unsigned = notify(body, null);
        Api.Response garbled = notify(body, "v2=abc");
        Api.Response unknownProvider = api.call("POST", "/api/payments/notifications/nobody").json(body).send();

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(unknownProvider.status()).isEqualTo(404);
        assertThat(node.countEvents("RecordPaymentCapture", orderId) + node.countEvents("OrderPaid", orderId)
                + node.countEvents("PaymentCaptureRejected", orderId)).isZero();
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM payment_inbox WHERE event_id = 'evt_forged'", Long.class)).isZero();
        awaitOrderStatus(api, token, orderId, "AWAITING_PAYMENT");

        Api.Response genuine = notify(body, "t=" + now + ",v1=" + hmac(SECRET, now + "." + body));
        assertThat(genuine.status()).as("the same notice, correctly signed, is taken: " + genuine.text()).isEqualTo(200);
    }

    @Test
    void paidThroughTwoChannelsKeepsOneCaptureAndRefundsTheOther() {
        String token = Tokens.user(newUser("twice"));
        String orderId = placeOrder(api, token, "o1", LIFETIME);
        String card = startPayment(api, token, orderId, "p1", "sandbox-card");
        String wallet = startPayment(api, token, orderId, "p2", "sandbox-wallet");
        awaitAttemptStatus(api, token, orderId, card, "CLOSED");
        assertThat(pay(api, card, "DELIVER", false).code()).as("a closed payment cannot be paid").isEqualTo("PAYMENT_NOT_PAYABLE");

        assertThat(pay(api, wallet, "DELIVER", false).status()).isEqualTo(200);
        awaitOrderStatus(api, token, orderId, "PAID");
        assertThat(pay(api, card, "DELIVER", true).status()).as("forced: the race a real provider can lose").isEqualTo(200);

        awaitAttemptStatus(api, token, orderId, card, "REFUNDED");
        assertThat(attemptStatus(api, token, orderId, wallet)).isEqualTo("CAPTURED");
        assertThat(ledgerLines(api, card, "REFUND")).isEqualTo(1);
        assertThat(ledgerLines(api, wallet, "REFUND")).isZero();
        assertThat(node.countEvents("OrderPaid", orderId)).isEqualTo(1);
        assertThat(node.countEvents("EntitlementGranted", orderId)).isEqualTo(1);
        assertThat(orderStatus(api, token, orderId)).isEqualTo("PAID");
    }

    @Test
    void anEarlierAttemptPaidBeforeSwitchingChannelPaysTheOrder() {
        String token = Tokens.user(newUser("switch"));
        String orderId = placeOrder(api, token, "o1", COFFEE);
        String card = startPayment(api, token, orderId, "p1", "sandbox-card");
        assertThat(pay(api, card, "DROP", false).status()).isEqualTo(200);

        String wallet = startPayment(api, token, orderId, "p2", "sandbox-wallet");

        awaitOrderStatus(api, token, orderId, "PAID");
        awaitAttemptStatus(api, token, orderId, wallet, "CLOSED");
        assertThat(attemptStatus(api, token, orderId, card)).isEqualTo("CAPTURED");
        assertThat(ledgerLines(api, card, "REFUND")).isZero();
    }

    @Test
    void anAdminRefundRefundsTheOrderRevokesTheProductAndAllowsBuyingAgain() {
        String token = Tokens.user(newUser("refund"));
        String orderId = placeOrder(api, token, "o1", COURSE);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
        pay(api, paymentId, "DELIVER", false);
        awaitOrderStatus(api, token, orderId, "PAID");
        Eventually.await("owned", () -> api.get("/api/entitlements/" + COURSE, token).json().path("status").asText(),
                "OWNED"::equals);
        assertThat(api.placeOrder(token, "o2", TestCatalog.order(COURSE, 1)).code()).isEqualTo("ALREADY_OWNED");

        Api.Response refund = api.post("/api/admin/orders/" + orderId + "/refund", Payments.ADMIN, "");
        Api.Response again = api.post("/api/admin/orders/" + orderId + "/refund", Payments.ADMIN, "");
        Api.Response notAdmin = api.post("/api/admin/orders/" + orderId + "/refund", token, "");

        assertThat(refund.status()).as(refund.text()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(notAdmin.status()).isEqualTo(403);
        awaitOrderStatus(api, token, orderId, "REFUNDED");
        awaitAttemptStatus(api, token, orderId, paymentId, "REFUNDED");
        Eventually.await("revoked", () -> api.get("/api/entitlements/" + COURSE, token).json().path("status").asText(),
                "NONE"::equals);
        assertThat(ledgerLines(api, paymentId, "REFUND")).isEqualTo(1);
        assertThat(node.countEvents("OrderRefundRequested", orderId)).isEqualTo(1);
        assertThat(api.placeOrder(token, "o3", TestCatalog.order(COURSE, 1)).status()).isEqualTo(201);
        String unpaid = placeOrder(api, Tokens.user(newUser("unpaid")), "o1", COFFEE);
        assertThat(api.post("/api/admin/orders/" + unpaid + "/refund", Payments.ADMIN, "").code())
                .isEqualTo("ORDER_NOT_REFUNDABLE");
    }

    @Test
    void moneyForAProductImportedWhileTheOrderWaitedIsRefundedAndTheOrderCancelled() {
        String user = newUser("imported");
        String token = Tokens.user(user);
        String orderId = placeOrder(api, token, "o1", COURSE);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
        Payments.importPurchase(api, user, COURSE);

        Api.Response paid = pay(api, paymentId, "DELIVER", false);

        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        awaitOrderStatus(api, token, orderId, "CANCELLED");
        awaitAttemptStatus(api, token, orderId, paymentId, "REFUNDED");
        assertThat(ledgerLines(api, paymentId, "CAPTURE")).isEqualTo(1);
        assertThat(ledgerLines(api, paymentId, "REFUND")).isEqualTo(1);
        assertThat(node.countEvents("OrderPaid", orderId)).isZero();
        assertThat(node.countEvents("PaymentCaptureRejected", orderId)).isEqualTo(1);
        Eventually.await("still owned, through the import", () -> api.get("/api/entitlements/" + COURSE, token).json()
                .path("status").asText(), "OWNED"::equals);
        assertThat(api.placeOrder(token, "o2", TestCatalog.order(COURSE, 1)).code()).isEqualTo("ALREADY_OWNED");
    }

    @Test
    void aCallbackWithAnOutlandishTimestampOrAMissingEmptyOrOverlongEventIdIsRejectedBeforeAnythingChanges() {
        String token = Tokens.user(newUser("odd-notice"));
        String orderId = placeOrder(api, token, "o1", COFFEE);
        String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
        String template = """
                {%s"type":"payment.captured","paymentId":"%s","orderId":"%s",\
                "amount":{"amount":"9.90","currency":"CNY"},"capturedAt":"%s"}""";
        String body = template.formatted("\"id\":\"evt_odd\",", paymentId, orderId, Instant.now());
        for (long t : new long[] {1L << 62, -(1L << 62), Long.MAX_VALUE, Long.MIN_VALUE}) {
            Api.Response outlandish = notify(body, "t=" + t + ",v1=" + hmac(SECRET, t + "." + body));
            assertThat(outlandish.status()).as("t=" + t + ": " + outlandish.text()).isEqualTo(401);
        }
        long now = Instant.now().getEpochSecond();
        for (String id : new String[] {"", "\"id\":\"\",", "\"id\":\"" + "e".repeat(200) + "\",", "\"id\":\"evt odd\","}) {
            String odd = template.formatted(id, paymentId, orderId, Instant.now());
            Api.Response rejected = notify(odd, "t=" + now + ",v1=" + hmac(SECRET, now + "." + odd));
            assertThat(rejected.status()).as(odd + " -> " + rejected.text()).isEqualTo(400);
            assertThat(rejected.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(node.countEvents("OrderPaid", orderId) + node.countEvents("PaymentCaptureRejected", orderId)).isZero();
        assertThat(orderStatus(api, token, orderId)).isEqualTo("AWAITING_PAYMENT");
    }

    private static Api.Response notify(String body, String signature) {
        Api.Call call = api.call("POST", "/api/payments/notifications/sandbox").json(body);
        return signature == null ? call.send() : call.header("Sandbox-Signature", signature).send();
    }

    /** The secret the test nodes are given (Payments.start); a node given none makes a random one. */
    static final String SECRET = "sandbox-webhook-secret-of-the-tests";

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
