package dev.buyonce.app.projections;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.COURSE;
import static dev.buyonce.app.support.TestCatalog.LIFETIME;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.coupons.Coupons;
import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Concurrently;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every projection can be rebuilt from the event log while reads go on, and comes out identical. */
class ProjectionReplayTest {
    static final String ADMIN = Tokens.admin("operator");
    static final int USERS = 60;
    /** The views written in the commands' own transactions, and rebuilt on request. */
    static final List<String> PROJECTIONS = List.of("orders", "entitlements", "payments", "seat-map", "coupon-claims");
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        node = Payments.start(TestDatabase.fresh(), Map.of());
        api = node.api();
        TestCatalog.define(api);
        assertThat(api.post("/api/admin/programs", ADMIN, """
                {"id":"replay-show","name":"Replay","startsAt":"2027-01-01T19:30:00Z","maxTicketsPerOrder":4,
                 "maxTicketsPerUser":4,"categories":[{"id":"floor","name":"Floor","price":{"amount":"80.00","currency":"CNY"},
                 "rows":[{"row":"A","seats":20},{"row":"B","seats":20}]}]}""").status()).isEqualTo(201);
        String coupon = Coupons.define(api, "replay", Coupons.fixed("1.00"), 1000);
        Concurrently.run(USERS, i -> {
            String token = Tokens.user("reader-" + i);
            String first = api.placeOrder(token, "a", order(i % 2 == 0 ? LIFETIME : COFFEE, 1)).json().path("orderId").asText();
            String course = api.placeOrder(token, "b", order(COURSE, 1)).json().path("orderId").asText();
            api.placeOrder(token, "c", order(COFFEE, 2));
            if (i % 3 == 0) {
                api.post("/api/orders/" + first + "/cancel", token, "");
            }
            if (i % 4 == 1) {
                Payments.pay(api, Payments.startPayment(api, token, course, "pay", "sandbox-card"), "DELIVER", false);
            }
            if (i % 5 == 0) {
                String tickets = api.placeOrder(token, "t", "{\"programId\":\"replay-show\",\"categoryId\":\"floor\",\"quantity\":2}")
                        .json().path("orderId").asText();
                if (i % 10 == 0) {
                    Payments.pay(api, Payments.startPayment(api, token, tickets, "pay-t", "sandbox-wallet"), "DELIVER", false);
                }
            }
            if (i % 6 == 0) {
                // a claim, used by an order; every other one given back by cancelling that order
                api.call("POST", "/api/coupons/" + coupon + "/claims").token(token).idempotencyKey("claim").send();
                String discounted = api.placeOrder(token, "d", Coupons.orderWithCoupon(COFFEE, 1, coupon)).json()
                        .path("orderId").asText();
                if (i % 12 == 0) {
                    api.post("/api/orders/" + discounted + "/cancel", token, "");
                }
            }
            return first;
        });
        for (int i = 1; i < USERS; i += 4) {
            String token = Tokens.user("reader-" + i);
            Eventually.await("course of reader-" + i + " paid", Duration.ofSeconds(60),
                    () -> api.get("/api/entitlements/course", token).json().path("status").asText(), "OWNED"::equals);
        }
        String imports = IntStream.range(0, 200).mapToObj(i ->
                        "{\"userId\":\"legacy-%d\",\"productId\":\"lifetime\",\"purchasedAt\":\"2019-01-01T00:00:00Z\",\"reference\":\"L%d\"}"
                                .formatted(i, i))
                .collect(Collectors.joining("\n"));
        api.call("POST", "/api/admin/imports/purchases").token(ADMIN)
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(imports)).send();
        Eventually.await("every projection live at the head", Duration.ofSeconds(60),
                () -> api.get("/api/admin/projections", ADMIN).json(), ProjectionReplayTest::allAtHead);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static boolean allAtHead(JsonNode projections) {
        if (projections.size() < PROJECTIONS.size()) {
            return false;
        }
        for (JsonNode p : projections) {
            if (!"LIVE".equals(p.path("status").asText()) || p.path("position").asLong() < p.path("head").asLong()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void listsEveryProcessorWithItsKindPositionHeadAndLag() {
        JsonNode all = api.get("/api/admin/projections", ADMIN).json();
        List<String> names = all.findValuesAsText("name");
        assertThat(names).containsAll(PROJECTIONS).contains("PaymentSagaProcessor", "purchase-patterns");
        assertThat(all.get(0).path("head").asLong()).isPositive();
        for (JsonNode processor : all) {
            String name = processor.path("name").asText();
            assertThat(processor.path("kind").asText()).as(name)
                    .isEqualTo(name.equals("PaymentSagaProcessor") ? "saga" : "view");
            assertThat(processor.has("lagEvents") && processor.has("lagSeconds")).as(name).isTrue();
            assertThat(processor.path("replayable").asBoolean()).as(name + " replayable").isEqualTo(PROJECTIONS.contains(name));
            if (PROJECTIONS.contains(name)) {
                // written in the commands' own transactions: never behind the log
                assertThat(processor.path("lagEvents").asLong()).as(name).isZero();
                assertThat(processor.path("position").asLong()).as(name).isEqualTo(processor.path("head").asLong());
            }
        }
        assertThat(api.post("/api/admin/projections/PaymentSagaProcessor/replay", ADMIN, "").code())
                .as("sagas act on the world and are never replayed").isEqualTo("NOT_FOUND");
        assertThat(names).contains("catalog");
        assertThat(api.post("/api/admin/projections/catalog/replay", ADMIN, "").code())
                .as("definitions are not rebuilt").isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/admin/projections/orders", ADMIN).json().path("status").asText()).isEqualTo("LIVE");
        assertThat(api.get("/api/admin/projections/nope", ADMIN).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/admin/projections", Tokens.user("reader-1")).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void replayingEveryProjectionUnderConcurrentReadsRebuildsIdenticalViews() throws Exception {
        Map<String, String> before = checksums();
        assertThat(count("SELECT count(*) FROM seat_view WHERE status = 'SOLD'")).as("sold seats to rebuild").isPositive();
        assertThat(count("SELECT count(*) FROM seat_view WHERE status = 'HELD'")).as("held seats to rebuild").isPositive();
        assertThat(count("SELECT count(*) FROM payment_attempt_view WHERE status = 'CAPTURED'")).as("payments").isPositive();
        assertThat(count("SELECT count(*) FROM order_view WHERE status = 'PAID'")).as("paid orders").isPositive();
        assertThat(count("SELECT count(*) FROM coupon_claim_view WHERE status = 'USED'")).as("used claims").isPositive();
        assertThat(count("SELECT count(*) FROM coupon_claim_view WHERE status = 'CLAIMED'")).as("claims given back").isPositive();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread[] readers = IntStream.range(0, 4).mapToObj(r -> new Thread(() -> {
            for (int i = r; reading.get() && i < 100_000; i += 4) {
                String legacy = "legacy-" + (i % 200);
                Api.Response owned = api.get("/api/entitlements/lifetime", Tokens.user(legacy));
                Api.Response orders = api.get("/api/orders?size=5", Tokens.user("reader-" + (i % USERS)));
                reads.addAndGet(2);
                if (owned.status() != 200 || orders.status() != 200) {
                    failures.add(owned.status() + " " + orders.status());
                } else if (!"OWNED".equals(owned.json().path("status").asText())) {
                    failures.add("a legacy purchase looked not owned during the replay: " + owned.text());
                }
            }
        })).toArray(Thread[]::new);
        for (Thread reader : readers) {
            reader.start();
        }

        for (String name : PROJECTIONS) {
            Api.Response accepted = api.post("/api/admin/projections/" + name + "/replay", ADMIN, "");
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            assertThat(accepted.json().path("status").asText()).isEqualTo("REPLAYING");
        }
        for (String name : PROJECTIONS) {
            Eventually.await(name + " live again", Duration.ofSeconds(120),
                    () -> api.get("/api/admin/projections/" + name, ADMIN).json(),
                    p -> "LIVE".equals(p.path("status").asText()) && p.path("position").asLong() >= p.path("head").asLong());
        }
        reading.set(false);
        for (Thread reader : readers) {
            reader.join(30_000);
        }

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(checksums()).isEqualTo(before);
    }

    static long count(String sql) {
        Long count = node.jdbc().queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /** A checksum per view over every row, in key order. */
    static Map<String, String> checksums() {
        return Map.of(
                "order_view", checksum("SELECT * FROM order_view ORDER BY order_id"),
                "entitlement_view", checksum("SELECT * FROM entitlement_view ORDER BY user_id, product_id"),
                "consumable_purchase_view", checksum("SELECT * FROM consumable_purchase_view ORDER BY order_id, product_id"),
                "payment_attempt_view", checksum("SELECT * FROM payment_attempt_view ORDER BY payment_id"),
                "seat_view", checksum("SELECT * FROM seat_view ORDER BY program_id, seat_id"),
                "coupon_claim_view", checksum("SELECT * FROM coupon_claim_view ORDER BY claim_id"));
    }

    static String checksum(String sql) {
        List<Map<String, Object>> rows = node.jdbc().queryForList(sql);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(rows.toString().getBytes());
            return java.util.HexFormat.of().formatHex(digest) + " (" + rows.size() + " rows)";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
