package dev.buyonce.app.payments;

import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
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
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many customers at once, each doing one of the things customers and providers do: callbacks delivered,
 * duplicated or lost, two channels paid, paying and cancelling in a race, abandoning. Afterwards every
 * capture in the provider's ledger is a paid order's payment or refunded, and no order keeps two captures.
 */
class RandomizedPaymentsTest {
    static final int ORDERS = 200;
    static BuyOnceNode node;
    static Api api;

    enum Behaviour { DELIVER, DUPLICATE, DROP, TWO_CHANNELS, PAY_THEN_CANCEL, CANCEL, ABANDON }

    record Outcome(String orderId, Behaviour behaviour) {
    }

    @BeforeAll
    static void start() {
        node = Payments.node();
        api = node.api();
    }

    @Test
    void everyCaptureEndsKeptByOnePaidOrderOrRefunded() throws Exception {
        long seed = Long.getLong("buyonce.test.seed", System.nanoTime());
        System.out.println("RandomizedPaymentsTest seed " + seed + " (rerun with -Dbuyonce.test.seed=" + seed + ")");
        Random random = new Random(seed);
        String[] products = {COFFEE, LIFETIME, COURSE};
        List<Behaviour> plan = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            plan.add(Behaviour.values()[random.nextInt(Behaviour.values().length)]);
        }
        ExecutorService customers = Executors.newFixedThreadPool(4);
        List<Future<Outcome>> runs = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Behaviour behaviour = plan.get(i);
            String product = products[random.nextInt(products.length)];
            runs.add(customers.submit(() -> run(behaviour, product)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> run : runs) {
            outcomes.add(run.get(2, TimeUnit.MINUTES));
        }
        customers.shutdown();

        JsonNode report = Eventually.await("reconciliation clean", Duration.ofSeconds(90), () -> Payments.reconciliation(api),
                r -> r.path("unexplained").isEmpty() && r.path("ordersWithSeveralKeptCaptures").isEmpty()
                        && r.path("paidWithoutCapture").isEmpty());
        assertThat(report.path("captures").asInt()).isPositive();
        Map<String, long[]> ledger = ledgerByOrder();
        Map<Behaviour, Integer> counts = new HashMap<>();
        for (Outcome outcome : outcomes) {
            counts.merge(outcome.behaviour(), 1, Integer::sum);
            long[] money = ledger.getOrDefault(outcome.orderId(), new long[2]);
            assertThat(money[0] - money[1]).as("kept captures of " + outcome).isLessThanOrEqualTo(1);
            assertThat(node.countEvents("OrderPaid", outcome.orderId())).as("payments of " + outcome).isLessThanOrEqualTo(1);
            switch (outcome.behaviour()) {
                case DELIVER, DUPLICATE, DROP, TWO_CHANNELS -> {
                    assertThat(node.countEvents("OrderPaid", outcome.orderId())).as(outcome.toString()).isEqualTo(1);
                    assertThat(money[0] - money[1]).as(outcome.toString()).isEqualTo(1);
                }
                case CANCEL, ABANDON -> assertThat(money[0]).as(outcome.toString()).isZero();
                case PAY_THEN_CANCEL -> assertThat(money[0]).as(outcome.toString()).isEqualTo(1);
            }
        }
        System.out.println("RandomizedPaymentsTest behaviours " + counts + ", report " + report.path("captures")
                + " captures, " + report.path("refunds") + " refunds");
    }

    private Outcome run(Behaviour behaviour, String product) {
        String token = Tokens.user(newUser("rnd"));
        String orderId = placeOrder(api, token, "o", product);
        switch (behaviour) {
            case DELIVER, DUPLICATE, DROP -> {
                String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
                assertThat(pay(api, paymentId, behaviour.name(), false).status()).isEqualTo(200);
                Payments.awaitOrderStatus(api, token, orderId, "PAID");
            }
            case TWO_CHANNELS -> {
                String card = startPayment(api, token, orderId, "p1", "sandbox-card");
                String wallet = startPayment(api, token, orderId, "p2", "sandbox-wallet");
                assertThat(pay(api, wallet, "DELIVER", false).status()).isEqualTo(200);
                pay(api, card, "DUPLICATE", true);
                Payments.awaitOrderStatus(api, token, orderId, "PAID");
            }
            case PAY_THEN_CANCEL -> {
                String paymentId = startPayment(api, token, orderId, "p1", "sandbox-wallet");
                assertThat(pay(api, paymentId, "DROP", false).status()).isEqualTo(200);
                int cancel = api.post("/api/orders/" + orderId + "/cancel", token, "").status();
                assertThat(cancel).as("cancelled, or already paid by the status check").isIn(200, 409);
            }
            case CANCEL -> {
                startPayment(api, token, orderId, "p1", "sandbox-card");
                assertThat(api.post("/api/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
            }
            case ABANDON -> startPayment(api, token, orderId, "p1", "sandbox-card");
        }
        return new Outcome(orderId, behaviour);
    }

    /** Per order: {captures, refunds} in the sandbox ledger. */
    private static Map<String, long[]> ledgerByOrder() {
        Map<String, long[]> byOrder = new HashMap<>();
        for (JsonNode entry : api.get("/sandbox/ledger", null).json()) {
            long[] money = byOrder.computeIfAbsent(entry.path("orderId").asText(), id -> new long[2]);
            money[entry.path("type").asText().equals("CAPTURE") ? 0 : 1]++;
        }
        return byOrder;
    }

    /** Not an assertion (tests never assert timings): how long from the customer paying until the order reads PAID. */
    @Test
    void measuresTimeFromPayingToPaid() {
        measure("DELIVER", 15);
        measure("DROP", 5);
    }

    private void measure(String notification, int times) {
        long[] stored = new long[times];
        long[] millis = new long[times];
        for (int i = 0; i < times; i++) {
            String token = Tokens.user(newUser("timed"));
            String orderId = placeOrder(api, token, "o", COFFEE);
            String paymentId = startPayment(api, token, orderId, "p1", "sandbox-card");
            long start = System.nanoTime();
            pay(api, paymentId, notification, false);
            while (node.countEvents("OrderPaid", orderId) == 0) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                    throw new AssertionError("order " + orderId + " not paid within 30 s");
                }
                sleep();
            }
            stored[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            while (!"PAID".equals(Payments.orderStatus(api, token, orderId))) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                    throw new AssertionError("order " + orderId + " not PAID within 30 s");
                }
                sleep();
            }
            millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        Arrays.sort(stored);
        Arrays.sort(millis);
        System.out.println("PAY-TO-PAID " + notification + " ms, OrderPaid stored (sorted): " + Arrays.toString(stored));
        System.out.println("PAY-TO-PAID " + notification + " ms, GET /api/orders/{id} shows PAID (sorted): "
                + Arrays.toString(millis));
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
