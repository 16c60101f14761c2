package dev.buyonce.client;

import static dev.buyonce.client.FaultyServer.drop;
import static dev.buyonce.client.FaultyServer.json;
import static dev.buyonce.client.FaultyServer.late;
import static dev.buyonce.client.FaultyServer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A purchase intent against a server that fails on purpose: each retry carries the intent's one key, attempts
 * stop at the policy's bound, Retry-After is waited for, and what is not worth retrying surfaces at once, typed.
 */
class RetriesWithOneKeyTest {
    static final String ORDER = """
            {"orderId":"o-1","userId":"u","status":"AWAITING_PAYMENT","items":[{"productId":"pro","kind":"PERMANENT",
            "quantity":1,"unitPrice":{"amount":"199.00","currency":"CNY"}}],"total":{"amount":"199.00","currency":"CNY"},
            "createdAt":"2026-01-01T00:00:00Z","paymentDeadline":"2026-01-01T00:15:00Z","seats":null,"couponId":null,
            "discount":null,"duplicated":%s,"somethingNew":1}""";
    static final RetryPolicy FOUR = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    BuyOnceClient client(FaultyServer server) {
        return BuyOnceClient.builder(server.uri()).token("jwt").retry(FOUR).requestTimeout(Duration.ofMillis(500))
                .sleeper(pauses::add).build();
    }

    static String created() {
        return ORDER.formatted("false");
    }

    static List<String> keys(FaultyServer server) {
        return server.received().stream().map(FaultyServer.Received::idempotencyKey).toList();
    }

    @Test
    void aDroppedConnectionAndA503AreRetriedWithTheSameKeyUntilTheOrderIsCreated() throws Exception {
        try (FaultyServer server = new FaultyServer(drop(), problem(503, "PROVIDER_UNAVAILABLE"), json(201, created()))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            Outcome<Order> placed = purchase.submit();

            assertThat(placed.status()).isEqualTo(201);
            assertThat(placed.duplicated()).isFalse();
            assertThat(placed.value().orderId()).isEqualTo("o-1");
            assertThat(placed.value().total().amount()).isEqualByComparingTo("199.00");
            assertThat(keys(server)).hasSize(3).containsOnly(purchase.idempotencyKey());
            assertThat(server.received()).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/api/orders");
                assertThat(request.authorization()).isEqualTo("Bearer jwt");
                assertThat(request.body()).isEqualTo("{\"items\":[{\"productId\":\"pro\",\"quantity\":1}]}");
            });
            // exponential back-off with jitter: the n-th pause lies between half and all of 100 ms * 2^(n-1)
            assertThat(pauses).hasSize(2);
            assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(pauses.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }

    @Test
    void aTimeoutIsRetriedAndTheReplayAfterItIsReportedAsDuplicated() throws Exception {
        try (FaultyServer server = new FaultyServer(late(1500, json(201, created())),
                json(200, ORDER.formatted("true"), "Idempotent-Replayed", "true"))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            Outcome<Order> placed = purchase.submit();

            assertThat(placed.duplicated()).isTrue();
            assertThat(placed.status()).isEqualTo(200);
            assertThat(placed.idempotencyKey()).isEqualTo(purchase.idempotencyKey());
            assertThat(keys(server)).hasSize(2).containsOnly(purchase.idempotencyKey());
        }
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() throws Exception {
        try (FaultyServer server = new FaultyServer(problem(429, "RATE_LIMITED", "Retry-After", "3"), json(201, created()))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            assertThat(purchase.submit().status()).isEqualTo(201);

            assertThat(pauses).containsExactly(Duration.ofSeconds(3));
            assertThat(keys(server)).hasSize(2).containsOnly(purchase.idempotencyKey());
        }
    }

    @Test
    void keyInUseIsRetriedUntilTheFirstRequestsAnswerCanBeReplayed() throws Exception {
        try (FaultyServer server = new FaultyServer(problem(409, "IDEMPOTENCY_KEY_IN_USE", "Retry-After", "1"),
                problem(409, "IDEMPOTENCY_KEY_IN_USE", "Retry-After", "1"), json(200, ORDER.formatted("true")))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            Outcome<Order> placed = purchase.submit();

            assertThat(placed.duplicated()).isTrue();
            assertThat(keys(server)).hasSize(3).containsOnly(purchase.idempotencyKey());
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
    }

    @Test
    void attemptsStopAtThePolicysBoundWithTheLastProblemTyped() throws Exception {
        try (FaultyServer server = new FaultyServer(problem(503, "PROVIDER_UNAVAILABLE", "Retry-After", "1"))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            assertThatThrownBy(purchase::submit).isInstanceOfSatisfying(ServerError.class, e -> {
                assertThat(e.code()).isEqualTo("PROVIDER_UNAVAILABLE");
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
            assertThat(keys(server)).hasSize(4).containsOnly(purchase.idempotencyKey());
            assertThat(pauses).hasSize(3);
        }
    }

    @Test
    void noAnswerAtAllEndsInATransportFailureAfterTheBoundAndTheIntentCanBeSentAgainWithItsKey() throws Exception {
        try (FaultyServer server = new FaultyServer(drop(), drop(), drop(), drop(), json(200, ORDER.formatted("true")))) {
            Intent<Order> purchase = client(server).purchase(OrderRequest.of("pro", 1));

            assertThatThrownBy(purchase::submit).isInstanceOfSatisfying(TransportFailure.class,
                    e -> assertThat(e.attempts()).isEqualTo(4));
            assertThat(server.received()).hasSize(4);

            Outcome<Order> later = purchase.submit();
            assertThat(later.duplicated()).isTrue();
            assertThat(keys(server)).hasSize(5).containsOnly(purchase.idempotencyKey());
        }
    }

    @Test
    void rulesOfTheServiceSurfaceAtOnceAsTypedExceptions() throws Exception {
        try (FaultyServer server = new FaultyServer(problem(409, "ALREADY_OWNED"), problem(409, "PURCHASE_PENDING"),
                problem(422, "IDEMPOTENCY_KEY_REUSED"), problem(404, "ORDER_NOT_FOUND"), problem(400, "IDEMPOTENCY_KEY_MISSING"),
                problem(401, "UNAUTHENTICATED"), problem(409, "ORDER_NOT_CANCELLABLE"))) {
            BuyOnceClient client = client(server);

            assertThatThrownBy(() -> client.purchase(OrderRequest.of("pro", 1)).submit())
                    .isInstanceOfSatisfying(AlreadyOwned.class, e -> assertThat(e.orderId()).isEqualTo("o-1"));
            assertThatThrownBy(() -> client.purchase(OrderRequest.of("pro", 1)).submit())
                    .isInstanceOfSatisfying(PurchasePending.class, e -> assertThat(e.orderId()).isEqualTo("o-1"));
            assertThatThrownBy(() -> client.purchase(OrderRequest.of("pro", 1)).submit()).isInstanceOf(IdempotencyKeyReused.class);
            assertThatThrownBy(() -> client.order("o-1")).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> client.purchase(OrderRequest.of("pro", 1)).submit()).isInstanceOf(ValidationFailed.class);
            assertThatThrownBy(client::products).isInstanceOf(Unauthenticated.class);
            assertThatThrownBy(() -> client.cancel("o-1")).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.code()).isEqualTo("ORDER_NOT_CANCELLABLE"));
            assertThat(server.received()).hasSize(7);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyWaitsIsNotRetried() throws Exception {
        try (FaultyServer server = new FaultyServer(problem(429, "CLAIM_LIMIT_REACHED", "Retry-After", "3600"))) {
            assertThatThrownBy(() -> client(server).claim("SPRING5").submit()).isInstanceOfSatisfying(RateLimited.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
            assertThat(server.received()).hasSize(1);
            assertThat(server.received().get(0).path()).isEqualTo("/api/coupons/SPRING5/claims");
        }
    }

    @Test
    void anErrorPageThatIsNotAProblemIsRetriedAndSurfacesWithItsStatus() throws Exception {
        try (FaultyServer server = new FaultyServer(FaultyServer.json(502, "<html>bad gateway</html>"))) {
            assertThatThrownBy(() -> client(server).products()).isInstanceOfSatisfying(ServerError.class,
                    e -> assertThat(e.code()).isEqualTo("HTTP_502"));
            assertThat(server.received()).hasSize(4);
        }
    }

    @Test
    void aResumedIntentSendsTheKeyItWasGiven() throws Exception {
        try (FaultyServer server = new FaultyServer(json(200, ORDER.formatted("true")))) {
            Outcome<Order> placed = client(server).purchase(OrderRequest.of("pro", 1), "kept-across-restart").submit();
            assertThat(placed.duplicated()).isTrue();
            assertThat(keys(server)).containsExactly("kept-across-restart");
        }
    }
}
