package dev.buyonce.app.cluster;

import static dev.buyonce.app.cluster.Cluster.ADMIN;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.cluster.RecordingClient.Answer;
import dev.buyonce.app.coupons.Coupons;
import dev.buyonce.app.seats.Programs;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.Concurrently;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.ServerSentEvents;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.history.History;
import dev.buyonce.history.HistoryChecker;
import java.io.File;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real BuyOnce JVMs on one PostgreSQL database behind HAProxy ({@code cluster/run.sh}), every flow with
 * its requests spread over the nodes, then a node killed and the database restarted under load with clients
 * retrying their keys. Every request and answer is recorded and checked against the event store at the end
 * ({@link HistoryChecker}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    static final String BOOK = "cluster-book";
    static final String COFFEE = "cluster-coffee";
    /** The deadline, the processor claim and the scheduler's heartbeat, shortened so that the test sees them act. */
    static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    /** How often a node without the saga's segment tries to claim it (Axon's default is 5 s). */
    static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(1);
    /**
     * The bound stated in SCALING.md: a dead node's segment is claimed by a survivor once its claim has timed out
     * and a survivor next tries, so within claim timeout + claim interval, plus a margin for a loaded machine.
     */
    static final Duration TAKEOVER_BOUND = CLAIM_TIMEOUT.plus(TOKEN_CLAIM_INTERVAL).plusSeconds(9);
    private static Cluster cluster;
    private static final History history = new History();
    private static RecordingClient client;

    @BeforeAll
    static void start() {
        cluster = Cluster.start(3, List.of(
                "--buyonce.orders.payment-timeout=" + PAYMENT_TIMEOUT,
                "--buyonce.payments.status-check-after=PT2S",
                "--buyonce.payments.status-check-max-interval=PT4S",
                "--buyonce.orders.events-heartbeat=PT0.5S",
                "--db-scheduler.polling-interval=500ms",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT,
                "--axon.eventhandling.processors.PaymentSagaProcessor.token-claim-interval=" + TOKEN_CLAIM_INTERVAL.toMillis()));
        client = new RecordingClient(cluster.balancerPort(), history);
        for (String[] product : new String[][] {{BOOK, "PERMANENT", "49.00"}, {COFFEE, "CONSUMABLE", "3.50"}}) {
            Api.Response defined = cluster.balancer().post("/api/admin/products", ADMIN, """
                    {"id":"%s","name":"%s","kind":"%s","price":{"amount":"%s","currency":"CNY"}}
                    """.formatted(product[0], product[0], product[1], product[2]));
            assertThat(defined.status()).as(defined.text()).isIn(200, 201);
        }
        // every node knows both products at once (the catalog follows on every node through LISTEN/NOTIFY)
        for (int i = 1; i <= cluster.nodes(); i++) {
            assertThat(cluster.node(i).get("/api/products", Tokens.user("reader")).json().findValuesAsText("id"))
                    .as("node-" + i + "'s catalog").contains(BOOK, COFFEE);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSameKeyStormMakesOneOrderAndTwoKeysForAPermanentProductMakeOne() throws Exception {
        String user = newUser("storm");
        List<Answer> storm = Concurrently.run(120, i -> client.placeOnce(user, "storm-key", order(COFFEE, 2)));
        Set<String> orders = storm.stream().filter(a -> a.status() / 100 == 2)
                .map(a -> a.json().path("orderId").asText()).collect(Collectors.toSet());
        assertThat(orders).hasSize(1);
        assertThat(storm).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(storm).filteredOn(a -> a.status() / 100 != 2)
                .allSatisfy(a -> assertThat(a.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));

        String buyer = newUser("two-keys");
        List<Answer> twoKeys = Concurrently.run(2, i -> client.placeOnce(buyer, "key-" + i, order(BOOK, 1)));
        assertThat(twoKeys).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
        assertThat(twoKeys).filteredOn(a -> a.status() == 409).first()
                .satisfies(a -> assertThat(a.json().path("code").asText()).isEqualTo("PURCHASE_PENDING"));
    }

    @Test
    @Order(2)
    void aPaymentCreatedOnOneNodeIsPaidOnAnotherAndReadOnAThird() {
        String user = newUser("payer");
        String token = Tokens.user(user);
        String orderId = placed(cluster.node(1), token, "p1", BOOK);
        String paymentId = payment(cluster.node(2), token, orderId, "sandbox-card");
        // the sandbox's callback goes to the balancer, so it lands on any node
        assertThat(pay(cluster.node(3), paymentId, "DELIVER").status()).isEqualTo(200);
        awaitStatus(cluster.node(3), token, orderId, "PAID");
        for (int i = 1; i <= cluster.nodes(); i++) {
            assertThat(cluster.node(i).get("/api/entitlements/" + BOOK, token).json().path("status").asText())
                    .as("node-" + i).isEqualTo("OWNED");
        }

        // a lost callback: the status check, on whichever node's scheduler runs it, finds the capture
        String other = newUser("lost-callback");
        String otherToken = Tokens.user(other);
        String lostOrder = placed(cluster.node(3), otherToken, "p1", BOOK);
        String lostPayment = payment(cluster.node(1), otherToken, lostOrder, "sandbox-wallet");
        assertThat(pay(cluster.node(2), lostPayment, "DROP").status()).isEqualTo(200);
        awaitStatus(cluster.balancer(), otherToken, lostOrder, "PAID");
    }

    @Test
    @Order(3)
    void aPaymentDeadlineFiresOnceOnSomeNode() throws Exception {
        String token = Tokens.user(newUser("unpaid"));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(placed(cluster.balancer(), token, "u" + i, COFFEE));
        }
        for (String orderId : orders) {
            awaitStatus(cluster.balancer(), token, orderId, "CANCELLED");
        }
        try (Connection db = cluster.database()) {
            for (String orderId : orders) {
                assertThat(eventsOf(db, orderId, "OrderCancelled")).as(orderId).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(4)
    void aLiveStreamOnOneNodeSeesAChangeMadeOnAnother() throws Exception {
        String token = Tokens.user(newUser("watcher"));
        String orderId = placed(cluster.node(1), token, "w1", COFFEE);
        try (ServerSentEvents stream = new ServerSentEvents(cluster.node(1).port(), "/api/orders/" + orderId + "/events", token)) {
            ServerSentEvents.Event first = stream.next(Duration.ofSeconds(10));
            assertThat(first).isNotNull();
            assertThat(first.data().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
            long cancelledAt = System.nanoTime();
            Api.Response cancelled = cluster.node(2).post("/api/orders/" + orderId + "/cancel", token, "");
            assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
            ServerSentEvents.Event change = stream.next(Duration.ofSeconds(5));
            assertThat(change).as("the cancel made on node-2, streamed by node-1").isNotNull();
            assertThat(change.data().path("status").asText()).isEqualTo("CANCELLED");
            System.out.printf("cluster: SSE on node-1 saw node-2's cancel %d ms after its answer%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt));
        }
    }

    @Test
    @Order(5)
    void seatsSoldThroughTheBalancerAreSoldOnceAndNoneIsRefusedWhileFree() throws Exception {
        String program = Programs.define(cluster.balancer(), 5, 20, 4, 4);
        // each node knows the program at once
        for (int i = 1; i <= cluster.nodes(); i++) {
            assertThat(Programs.floor(cluster.node(i), program).path("seats")).hasSize(100);
        }
        List<Answer> buyers = Concurrently.run(130, i -> {
            try {
                return client.placeRetrying(newUser("fan"), "seat", Programs.quantity(program, 1), Instant.now().plusSeconds(60));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(buyers).filteredOn(a -> a.status() == 201).as("every seat sold").hasSize(100);
        assertThat(buyers).filteredOn(a -> a.status() != 201)
                .allSatisfy(a -> assertThat(a.json().path("code").asText()).isEqualTo("NOT_ENOUGH_SEATS"));
        Set<String> seats = buyers.stream().filter(a -> a.status() == 201)
                .flatMap(a -> Programs.seats(new Api.Response(a.status(), Map.of(), a.body())).stream())
                .collect(Collectors.toSet());
        assertThat(seats).hasSize(100);
    }

    @Test
    @Order(6)
    void couponClaimsAndCheckoutSpreadOverTheNodesClaimOncePerUserAndNeverOversell() throws Exception {
        String coupon = Coupons.define(cluster.node(1), "cluster", Coupons.fixed("5.00"), 30);
        for (int i = 1; i <= cluster.nodes(); i++) {
            assertThat(cluster.node(i).get("/api/coupons", Tokens.user("reader")).json().findValuesAsText("id"))
                    .as("node-" + i + " knows the new coupon at once").contains(coupon);
        }
        // 40 users for 30 coupons, each clicking twice with two keys, every request through the balancer
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(newUser("coupon-fan"));
        }
        Instant giveUpAt = Instant.now().plusSeconds(60);
        List<Answer> claims = Concurrently.run(2 * fans.size(), i -> {
            try {
                return client.claimRetrying(fans.get(i / 2), "claim-" + (i % 2), coupon, giveUpAt);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> winners = new ArrayList<>();
        for (int u = 0; u < fans.size(); u++) {
            List<Answer> mine = claims.subList(2 * u, 2 * u + 2);
            long won = mine.stream().filter(a -> a.status() == 201).count();
            assertThat(won).as(fans.get(u) + "'s claims " + mine).isLessThanOrEqualTo(1);
            if (won == 1) {
                winners.add(fans.get(u));
                assertThat(mine).filteredOn(a -> a.status() != 201).allSatisfy(a -> assertThat(a.json().path("code")
                        .asText()).isIn("COUPON_ALREADY_CLAIMED", "COUPON_SOLD_OUT"));
            } else {
                assertThat(mine).allSatisfy(a -> assertThat(a.json().path("code").asText()).as(a.body())
                        .isEqualTo("COUPON_SOLD_OUT"));
            }
        }
        assertThat(winners).as("the whole stock claimed, and never more").hasSize(30);
        for (int u = 0; u < winners.size(); u++) {
            Api node = cluster.node(1 + u % cluster.nodes());
            assertThat(Coupons.mineOf(node, Tokens.user(winners.get(u)), coupon).path("status").asText())
                    .as(winners.get(u) + "'s claim, read at once on another node").isEqualTo("CLAIMED");
        }

        // checkout on one node, read on another, cancel on a third: the claim is used, then given back
        String token = Tokens.user(winners.get(0));
        Api.Response placed = cluster.node(2).placeOrder(token, "with-coupon", Coupons.orderWithCoupon(COFFEE, 2, coupon));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.json().path("discount").path("amount").asText()).isEqualTo("5.00");
        assertThat(placed.json().path("total").path("amount").asText()).isEqualTo("2.00");
        String orderId = placed.json().path("orderId").asText();
        JsonNode used = Coupons.mineOf(cluster.node(3), token, coupon);
        assertThat(used.path("status").asText()).isEqualTo("USED");
        assertThat(used.path("orderId").asText()).isEqualTo(orderId);
        Api.Response twice = cluster.node(1).placeOrder(token, "coupon-again", Coupons.orderWithCoupon(COFFEE, 2, coupon));
        assertThat(twice.json().path("code").asText()).as(twice.text()).isEqualTo("COUPON_ALREADY_USED");
        assertThat(cluster.node(1).post("/api/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
        assertThat(Coupons.mineOf(cluster.node(2), token, coupon).path("status").asText())
                .as("given back by the cancel, at once on another node").isEqualTo("CLAIMED");
        Api.Response again = cluster.node(3).placeOrder(token, "after-cancel", Coupons.orderWithCoupon(COFFEE, 2, coupon));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void anImportThroughTheBalancerIsOwnedOnEveryNode() {
        StringBuilder lines = new StringBuilder();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = newUser("legacy");
            users.add(user);
            lines.append("{\"userId\":\"%s\",\"productId\":\"%s\",\"purchasedAt\":\"2019-05-01T00:00:00Z\",\"reference\":\"legacy-%s\"}\n"
                    .formatted(user, BOOK, user));
        }
        Api.Response imported = cluster.balancer().call("POST", "/api/admin/imports/purchases").token(ADMIN)
                .body("application/x-ndjson", HttpRequest.BodyPublishers.ofString(lines.toString())).send();
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(20);
        for (int i = 1; i <= cluster.nodes(); i++) {
            for (String user : users) {
                assertThat(cluster.node(i).get("/api/entitlements/" + BOOK, Tokens.user(user)).json().path("status").asText())
                        .as(user + " on node-" + i).isEqualTo("OWNED");
            }
        }
    }

    @Test
    @Order(8)
    void aReplayRequestedOnOneNodeRunsOnceWhileEveryNodeServes() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(2);
        AtomicInteger placedDuring = new AtomicInteger();
        for (int t = 0; t < 2; t++) {
            load.submit(() -> {
                String user = newUser("during-replay");
                for (int i = 0; running.get(); i++) {
                    if (client.placeRetrying(user, "r" + i, order(COFFEE, 1), Instant.now().plusSeconds(30)).status() / 100 == 2) {
                        placedDuring.incrementAndGet();
                    }
                }
                return null;
            });
        }
        try {
            Api.Response replay = cluster.node(1).post("/api/admin/projections/orders/replay", ADMIN, "");
            assertThat(replay.status()).as(replay.text()).isEqualTo(202);
            for (int i = 2; i <= cluster.nodes(); i++) {
                Api node = cluster.node(i);
                assertThat(node.get("/api/admin/projections/orders", ADMIN).json().path("status").asText())
                        .as("node-" + i + " reports the replay requested on node-1").isEqualTo("REPLAYING");
            }
            for (int i = 1; i <= cluster.nodes(); i++) {
                Api node = cluster.node(i);
                Eventually.await("the replay done, as node-" + i + " reports it", Duration.ofSeconds(120),
                        () -> node.get("/api/admin/projections/orders", ADMIN).json().path("status").asText(), "LIVE"::equals);
            }
        } finally {
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(placedDuring.get()).isPositive();
        try (Connection db = cluster.database()) {
            long placedEvents = count(db, "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'dev.buyonce.kernel.order.OrderPlaced'");
            long rows = count(db, "SELECT count(*) FROM order_view");
            assertThat(rows).as("one order row per order placed, after the rebuild").isEqualTo(placedEvents);
            assertThat(count(db, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'projection-replay'"))
                    .as("the replay task ran once and is gone").isZero();
        }
    }

    @Test
    @Order(9)
    void losingANodeUnderLoadLosesNothingAndItsWorkMovesToTheSurvivors() throws Exception {
        String owner = sagaOwner();
        int victim = Integer.parseInt(owner.substring("node-".length()));
        String token = Tokens.user(newUser("deadline-across-loss"));
        List<String> unpaid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unpaid.add(placed(cluster.balancer(), token, "d" + i, COFFEE));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        // watched while the load still runs, so that the takeover is timed when it happens
        java.util.concurrent.CompletableFuture<Instant> takenOver = new java.util.concurrent.CompletableFuture<>();
        Instant killedAt = underLoad(Duration.ofSeconds(20), Duration.ofSeconds(4), acknowledged, () -> {
            cluster.kill(victim);
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (Connection db = cluster.database()) {
                    takenOver.complete(Eventually.await("the payment saga's segment claimed by a survivor",
                            Duration.ofSeconds(60), () -> sagaOwnerClaimedAt(db, owner), at -> at != null));
                } catch (Throwable e) {
                    takenOver.completeExceptionally(e);
                }
            });
        });
        Duration takeover = Duration.between(killedAt, takenOver.get(60, TimeUnit.SECONDS));
        System.out.printf("cluster: node-%d (saga owner) killed; its segment claimed by a survivor after %d ms%n",
                victim, takeover.toMillis());
        assertThat(takeover).as("segment takeover").isLessThanOrEqualTo(TAKEOVER_BOUND);

        for (String orderId : unpaid) {
            awaitStatus(cluster.balancer(), token, orderId, "CANCELLED");
        }
        try (Connection db = cluster.database()) {
            for (String orderId : unpaid) {
                assertThat(eventsOf(db, orderId, "OrderCancelled")).as("deadline of " + orderId + " fired once").isEqualTo(1);
            }
        }

        cluster.restart(victim);
        Api rejoined = cluster.node(victim);
        String anyOrder = acknowledged.values().iterator().next();
        String anyUser = acknowledged.keySet().iterator().next().split(" ")[0];
        assertThat(rejoined.get("/api/orders/" + anyOrder, Tokens.user(anyUser)).status()).isEqualTo(200);
        Eventually.await("the balancer sends requests to node-" + victim + " again", Duration.ofSeconds(30),
                () -> servedBy(victim), served -> served);
        assertClean();
    }

    @Test
    @Order(10)
    void aDatabaseRestartUnderLoadLosesNothing() throws Exception {
        File clusters = new File("/etc/postgresql");
        String[] versions = clusters.list();
        assumeTrue(Boolean.parseBoolean(System.getProperty("buyonce.cluster.pg-restart", "true")) && versions != null
                && versions.length > 0, "PostgreSQL is not a local cluster this test may restart");
        String version = java.util.Arrays.stream(versions).sorted().reduce((a, b) -> b).orElseThrow();
        Instant started = Instant.now();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        underLoad(Duration.ofSeconds(25), Duration.ofSeconds(5), acknowledged, () -> {
            try {
                Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                        .inheritIO().start();
                assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException("could not restart PostgreSQL", e);
            }
        });
        for (int i = 1; i <= cluster.nodes(); i++) {
            Api node = cluster.node(i);
            Eventually.await("node " + node.port() + " healthy after the restart", Duration.ofSeconds(60),
                    () -> node.get("/actuator/health", null).status(), status -> status == 200);
        }
        assertThat(acknowledged).isNotEmpty();
        // while the database was away, requests were answered 503 SERVICE_UNAVAILABLE (retry), never 500 (a defect)
        assertThat(history.ops()).filteredOn(op -> op.started().isAfter(started) && op.status() >= 500)
                .allSatisfy(op -> assertThat(op.status()).as(op.answer()).isEqualTo(503));
        assertClean();
    }

    /**
     * Six clients place orders through the balancer for {@code length}, each retrying its key until answered;
     * {@code fault} runs once, {@code faultAfter} into the run. Returns when the fault was done.
     */
    private Instant underLoad(Duration length, Duration faultAfter, Map<String, String> acknowledged, Runnable fault)
            throws Exception {
        Instant end = Instant.now().plus(length);
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            clients.add(load.submit(() -> {
                String user = newUser("under-fault");
                for (int i = 0; Instant.now().isBefore(end); i++) {
                    String key = "f" + i;
                    Answer answer = client.placeRetrying(user, key, order(COFFEE, 1), end.plusSeconds(90));
                    if (answer.status() / 100 == 2) {
                        acknowledged.put(user + " " + key, answer.json().path("orderId").asText());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(faultAfter.toMillis());
        fault.run();
        Instant faulted = Instant.now();
        for (java.util.concurrent.Future<?> c : clients) {
            c.get(3, TimeUnit.MINUTES);
        }
        load.shutdown();
        return faulted;
    }

    private void assertClean() throws Exception {
        JsonNode reconciliation = Eventually.await("reconciliation answered", Duration.ofSeconds(30),
                () -> cluster.balancer().get("/api/admin/reconciliation", ADMIN), r -> r.status() == 200).json();
        try (Connection db = cluster.database()) {
            HistoryChecker.Report report = HistoryChecker.check(db, history, reconciliation);
            System.out.println("cluster: history check " + report);
            assertThat(report.violations()).isEmpty();
        }
    }

    /** Whether node {@code i} answers some of a round of reads sent through the balancer. */
    private boolean servedBy(int i) {
        long before = productReadsServed(i);
        for (int n = 0; n < 2 * cluster.nodes(); n++) {
            cluster.balancer().get("/api/products", Tokens.user("balanced-reader"));
        }
        return productReadsServed(i) > before;
    }

    /** How many {@code GET /api/products} node {@code i} has answered, from its Prometheus metrics. */
    private long productReadsServed(int i) {
        String metrics = cluster.node(i).get("/actuator/prometheus", ADMIN).text();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("uri=\"/api/products\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String sagaOwner() throws Exception {
        try (Connection db = cluster.database()) {
            return Eventually.await("the payment saga's segment claimed", Duration.ofSeconds(30), () -> {
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT owner FROM token_entry WHERE processor_name = 'PaymentSagaProcessor' AND owner IS NOT NULL")) {
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? row.getString(1) : null;
                    }
                } catch (Exception e) {
                    return null;
                }
            }, owner -> owner != null && owner.startsWith("node-"));
        }
    }

    /** When a node other than {@code formerOwner} holds the saga's segment: now, else null. */
    private static Instant sagaOwnerClaimedAt(Connection db, String formerOwner) {
        try (PreparedStatement select = db.prepareStatement(
                     "SELECT owner, time_stamp FROM token_entry WHERE processor_name = 'PaymentSagaProcessor'")) {
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getString(1) != null && !row.getString(1).equals(formerOwner)) {
                    return Instant.now();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static String placed(Api node, String token, String key, String product) {
        Api.Response placed = node.placeOrder(token, key, order(product, 1));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return placed.json().path("orderId").asText();
    }

    private static String payment(Api node, String token, String orderId, String channel) {
        Api.Response created = node.call("POST", "/api/orders/" + orderId + "/payments").token(token)
                .idempotencyKey("pay-" + channel).json("{\"channel\":\"" + channel + "\"}").send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("paymentId").asText();
    }

    private static Api.Response pay(Api node, String paymentId, String notification) {
        return node.call("POST", "/sandbox/payments/" + paymentId + "/pay")
                .json("{\"notification\":\"" + notification + "\",\"force\":false}").send();
    }

    private static void awaitStatus(Api node, String token, String orderId, String status) {
        Eventually.await("order " + orderId + " " + status, PAYMENT_TIMEOUT.plusSeconds(60),
                () -> node.get("/api/orders/" + orderId, token).json().path("status").asText(), status::equals);
    }

    private static long eventsOf(Connection db, String aggregateId, String type) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE ?")) {
            select.setString(1, aggregateId);
            select.setString(2, "%." + type);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
