package dev.buyonce.app.consistency;

import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.orderStatus;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.seats.Programs;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.ServerSentEvents;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one PostgreSQL: what one node answered, the other reads at once. No read
 * here waits or retries after the write it follows has been answered.
 */
class ReadYourWritesAcrossNodesTest {
    static BuyOnceNode a;
    static BuyOnceNode b;

    @BeforeAll
    static void start() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        a = Payments.start(db, Map.of());
        b = Payments.start(db, Map.of());
        TestCatalog.define(a.api());
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void anOrderAnsweredByOneNodeIsReadOnTheOtherAtOnce() {
        String token = Tokens.user(newUser("ryw"));
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Api writer = i % 2 == 0 ? a.api() : b.api();
            Api reader = i % 2 == 0 ? b.api() : a.api();
            Api.Response placed = writer.placeOrder(token, "ryw-" + i, order(COFFEE, 1));
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            String orderId = placed.json().path("orderId").asText();
            Api.Response read = reader.get("/api/orders/" + orderId, token);
            if (read.status() != 200 || !"AWAITING_PAYMENT".equals(read.json().path("status").asText())) {
                misses.add(orderId + " -> " + read.status());
            }
            Api.Response list = reader.get("/api/orders?page=0&size=1", token);
            if (!list.json().path("items").path(0).path("orderId").asText().equals(orderId)) {
                misses.add(orderId + " not first in the list: " + list.text());
            }
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void aPermanentOrderIsPendingOnTheOtherNodeAtOnceAndCancellingFreesIt() {
        String token = Tokens.user(newUser("pending"));
        String orderId = placeOrder(a.api(), token, "p1", LIFETIME);

        Api.Response pending = b.api().get("/api/entitlements/" + LIFETIME, token);
        assertThat(pending.json().path("status").asText()).as(pending.text()).isEqualTo("PENDING");
        assertThat(pending.json().path("orderId").asText()).isEqualTo(orderId);

        assertThat(b.api().post("/api/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
        assertThat(a.api().get("/api/entitlements/" + LIFETIME, token).json().path("status").asText()).isEqualTo("NONE");
        assertThat(orderStatus(a.api(), token, orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void anImportAnsweredByOneNodeIsOwnedOnTheOtherAtOnce() {
        String user = newUser("imported");
        Payments.importPurchase(a.api(), user, COURSE);

        Api.Response owned = b.api().get("/api/entitlements/" + COURSE, Tokens.user(user));
        assertThat(owned.json().path("status").asText()).as(owned.text()).isEqualTo("OWNED");
    }

    @Test
    void aPaymentMadeThroughOneNodeReachesAStreamOnTheOther() throws Exception {
        String token = Tokens.user(newUser("live"));
        String orderId = placeOrder(a.api(), token, "o1", COFFEE);
        try (ServerSentEvents stream = new ServerSentEvents(b.api().port(), "/api/orders/" + orderId + "/events", token)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(5)).data().path("status").asText()).isEqualTo("AWAITING_PAYMENT");

            String paymentId = startPayment(a.api(), token, orderId, "p1", "sandbox-card");
            pay(a.api(), paymentId, "DELIVER", false);

            ServerSentEvents.Event paid = stream.next(Duration.ofSeconds(10));
            assertThat(paid.name()).isEqualTo("order");
            assertThat(paid.data().path("status").asText()).isEqualTo("PAID");
        }
    }

    @Test
    void aRefundThroughOneNodeIsSeenOnTheOtherAtOnce() {
        String token = Tokens.user(newUser("refund"));
        String orderId = placeOrder(a.api(), token, "o1", COURSE);
        pay(a.api(), startPayment(a.api(), token, orderId, "p1", "sandbox-card"), "DELIVER", false);
        awaitOrderStatus(a.api(), token, orderId, "PAID");
        // the other node has answered OWNED before: nothing it keeps may outlive the revocation
        for (int i = 0; i < 5; i++) {
            assertThat(b.api().get("/api/entitlements/" + COURSE, token).json().path("status").asText()).isEqualTo("OWNED");
        }

        assertThat(a.api().post("/api/admin/orders/" + orderId + "/refund", Payments.ADMIN, "").status()).isEqualTo(202);
        Eventually.await("refunded on the node that took the refund", Duration.ofSeconds(30),
                () -> orderStatus(a.api(), token, orderId), "REFUNDED"::equals);

        assertThat(b.api().get("/api/entitlements/" + COURSE, token).json().path("status").asText()).isEqualTo("NONE");
        assertThat(orderStatus(b.api(), token, orderId)).isEqualTo("REFUNDED");
        assertThat(b.api().placeOrder(token, "again", order(COURSE, 1)).status()).isEqualTo(201);
    }

    @Test
    void aProductDefinedOnOneNodeIsSoldOnTheOtherWithoutWaitingForARefresh() {
        String id = "flash-" + newUser("p").replace('_', '-');
        Api.Response defined = a.api().post("/api/admin/products", Payments.ADMIN,
                "{\"id\":\"" + id + "\",\"name\":\"Flash\",\"kind\":\"CONSUMABLE\",\"price\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}");
        assertThat(defined.status()).as(defined.text()).isEqualTo(201);
        // announced through PostgreSQL; the periodic refresh (5 s by default) is far slower than this wait
        Eventually.await("product known on the other node", Duration.ofSeconds(2),
                () -> b.api().placeOrder(Tokens.user(newUser("buyer")), "k", order(id, 1)).status(), s -> s == 201);
    }

    @Test
    void seatsHeldCancelledAndSoldThroughOneNodeShowOnTheOthersMapAtOnce() {
        String program = Programs.define(a.api(), 1, 10, 4, 8);
        String token = Tokens.user(newUser("seats"));
        Api.Response held = a.api().placeOrder(token, "t1", Programs.chosen(program, "A-1", "A-2"));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(Programs.status(b.api(), program, "A-1")).isEqualTo("HELD");
        assertThat(Programs.status(b.api(), program, "A-2")).isEqualTo("HELD");

        assertThat(b.api().post("/api/orders/" + held.json().path("orderId").asText() + "/cancel", token, "").status())
                .isEqualTo(200);
        assertThat(Programs.status(a.api(), program, "A-1")).as("released with the cancellation").isEqualTo("FREE");

        String paidOrder = a.api().placeOrder(token, "t2", Programs.chosen(program, "A-3")).json().path("orderId").asText();
        pay(a.api(), startPayment(a.api(), token, paidOrder, "p1", "sandbox-card"), "DELIVER", false);
        awaitOrderStatus(a.api(), token, paidOrder, "PAID");
        assertThat(Programs.status(b.api(), program, "A-3")).as("sold with the payment").isEqualTo("SOLD");
    }

    @Test
    void aRebuildRequestedOnOneNodeIsCarriedOutOnceAndReportedTheSameOnBoth() {
        String token = Tokens.user(newUser("rebuild"));
        for (int i = 0; i < 5; i++) {
            placeOrder(a.api(), token, "r" + i, COFFEE);
        }
        String before = b.api().get("/api/orders?page=0&size=50", token).text();

        Api.Response accepted = a.api().post("/api/admin/projections/orders/replay", Payments.ADMIN, "");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("REPLAYING");
        Set<String> seenOnB = new HashSet<>();
        Eventually.await("rebuilt, as both nodes report", Duration.ofSeconds(60), () -> {
            String onA = a.api().get("/api/admin/projections/orders", Payments.ADMIN).json().path("status").asText();
            String onB = b.api().get("/api/admin/projections/orders", Payments.ADMIN).json().path("status").asText();
            seenOnB.add(onB);
            return onA + "/" + onB;
        }, "LIVE/LIVE"::equals);

        assertThat(b.api().get("/api/orders?page=0&size=50", token).text()).isEqualTo(before);
        assertThat(a.jdbc().queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'projection-replay'",
                Long.class)).as("the rebuild task is done and gone").isZero();
    }

    @Test
    void processorLagAndOutcomesAreOnPrometheusForAdminsOnly() {
        String token = Tokens.user(newUser("metrics"));
        a.api().placeOrder(token, "m1", order(COFFEE, 1));
        assertThat(a.api().placeOrder(token, "m1", order(COFFEE, 1)).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(a.api().placeOrder(token, null, order(COFFEE, 1)).code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");

        assertThat(a.api().get("/actuator/prometheus", null).status()).as("never public on the API port").isEqualTo(401);
        assertThat(a.api().get("/actuator/prometheus", token).status()).isEqualTo(403);
        String metrics = a.api().get("/actuator/prometheus", Payments.ADMIN).text();
        assertThat(metrics).contains("buyonce_processor_lag_events{kind=\"saga\",processor=\"PaymentSagaProcessor\"}")
                .contains("buyonce_processor_lag_seconds{kind=\"view\",processor=\"orders\"}")
                .contains("buyonce_duplicates_refused_total{reason=\"replay\"}")
                .contains("buyonce_problems_total{code=\"IDEMPOTENCY_KEY_MISSING\"}")
                .contains("buyonce_refunds_total{kind=\"order\"}")
                .contains("buyonce_stuck_payments ");
    }
}
