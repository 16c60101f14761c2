package dev.buyonce.app.audit;

import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What did a user own on a given date? Answered from the event log, by when each purchase took effect. */
class EntitlementAsOfTest {
    static final String ADMIN = Tokens.admin("auditor");

    @Test
    void anImportedPurchaseCountsFromItsPurchaseDateNotFromTheImport() {
        BuyOnceNode node = BuyOnceNode.shared();
        String user = newUser("history");
        node.api().call("POST", "/api/admin/imports/purchases").token(ADMIN)
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"" + user + "\",\"productId\":\"lifetime\",\"purchasedAt\":\"2019-05-01T10:00:00Z\",\"reference\":\"old-7\"}\n"))
                .send();

        assertThat(asOf(node, user, LIFETIME, "2019-04-30T23:59:59Z").path("status").asText()).isEqualTo("NONE");
        JsonNode owned = asOf(node, user, LIFETIME, "2019-05-01T10:00:00Z");
        assertThat(owned.path("status").asText()).isEqualTo("OWNED");
        assertThat(owned.path("since").asText()).isEqualTo("2019-05-01T10:00:00Z");
        assertThat(owned.path("reference").asText()).isEqualTo("old-7");
        assertThat(asOf(node, user, LIFETIME, "2024-01-01T00:00:00Z").path("status").asText()).isEqualTo("OWNED");
    }

    @Test
    void aReservationIsPendingFromItsOrderUntilItIsReleased() throws Exception {
        BuyOnceNode node = BuyOnceNode.shared();
        String user = newUser("pending");
        Instant before = Instant.now().minusSeconds(1);
        String orderId = node.api().placeOrder(Tokens.user(user), "k", order(COURSE, 1)).json().path("orderId").asText();
        Instant during = Instant.now();
        Thread.sleep(5);
        node.api().post("/api/orders/" + orderId + "/cancel", Tokens.user(user), "");
        Instant after = Instant.now().plusSeconds(1);

        assertThat(asOf(node, user, COURSE, before.toString()).path("status").asText()).isEqualTo("NONE");
        JsonNode pending = asOf(node, user, COURSE, during.toString());
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("orderId").asText()).isEqualTo(orderId);
        assertThat(asOf(node, user, COURSE, after.toString()).path("status").asText()).isEqualTo("NONE");
        assertThat(node.api().get("/api/admin/users/" + user + "/entitlements/course?asOf=not-a-date", ADMIN).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aPaidPurchaseIsOwnedFromItsPaymentUntilItsRefund() throws Exception {
        BuyOnceNode node = BuyOnceNode.shared();
        String user = newUser("refunded");
        String token = Tokens.user(user);
        String orderId = node.api().placeOrder(token, "k", order(LIFETIME, 1)).json().path("orderId").asText();
        String paymentId = Payments.startPayment(node.api(), token, orderId, "p", "sandbox-card");
        Instant beforePaying = Instant.now();
        Payments.pay(node.api(), paymentId, "DELIVER", false);
        Payments.awaitOrderStatus(node.api(), token, orderId, "PAID");
        Instant whilePaid = Instant.now();
        Thread.sleep(5);
        node.api().post("/api/admin/orders/" + orderId + "/refund", ADMIN, "");
        Payments.awaitOrderStatus(node.api(), token, orderId, "REFUNDED");
        Instant afterRefund = Instant.now().plusSeconds(1);

        assertThat(asOf(node, user, LIFETIME, beforePaying.toString()).path("status").asText()).isEqualTo("PENDING");
        JsonNode paid = asOf(node, user, LIFETIME, whilePaid.toString());
        assertThat(paid.path("status").asText()).isEqualTo("OWNED");
        assertThat(paid.path("orderId").asText()).isEqualTo(orderId);
        assertThat(asOf(node, user, LIFETIME, afterRefund.toString()).path("status").asText()).isEqualTo("NONE");
    }

    private static JsonNode asOf(BuyOnceNode node, String user, String product, String instant) {
        return node.api().get("/api/admin/users/" + user + "/entitlements/" + product + "?asOf=" + instant, ADMIN).json();
    }
}
