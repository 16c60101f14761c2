package dev.buyonce.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: 1,000 requests with one key, all in flight at once; exactly one order may come of it. The same
 * storm is first sent to the HTTP floor (the CRUD service's endpoint that stores nothing), so the report shows
 * what 1,000 simultaneous new connections cost this machine's web stack and client alone.
 */
final class SameKeyStormScenario implements Scenario {
    static final int REQUESTS = 1000;

    @Override
    public String name() {
        return "same-key-storm";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        context.defineProduct(context.buyOnce(), BuyOnceOrders.PRODUCT, "CONSUMABLE", "9.90");
        String key = "storm-" + System.currentTimeMillis();

        Storm floor = storm(context.crud().url() + "/floor/orders", "X-User", "bench-storm", "Idempotency-Key", key);

        String orderPlaced = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'";
        long before = context.buyOnce().db().count(orderPlaced);
        Storm storm = storm(context.buyOnce().url() + "/api/orders",
                "Authorization", "Bearer " + context.jwt().user("bench-storm"), "Idempotency-Key", key);
        Set<String> orderIds = new HashSet<>();
        for (Http.Response response : storm.answers()) {
            if (response != null && response.ok()) {
                orderIds.add(response.json().path("orderId").asText());
            }
        }
        long created = context.buyOnce().db().count(orderPlaced) - before;
        return List.of(
                ScenarioResult.named(name())
                        .measured(storm.throughput(), storm.latency())
                        .with("orders_created", created)
                        .with("distinct_orders_named", orderIds.size())
                        .with("statuses", storm.statuses())
                        .with("max_ms", storm.latency().maxMillis())
                        .with("p99_vs_http_floor", storm.latency().p99Millis() / floor.latency().p99Millis()),
                ScenarioResult.named(name() + ":http-floor")
                        .measured(floor.throughput(), floor.latency())
                        .with("statuses", floor.statuses())
                        .with("max_ms", floor.latency().maxMillis()));
    }

    private record Storm(List<Http.Response> answers, Latency latency, double throughput) {
        Map<String, Integer> statuses() {
            Map<String, Integer> statuses = new TreeMap<>();
            answers.forEach(response -> statuses.merge(response == null ? "error" : Integer.toString(response.status()), 1,
                    Integer::sum));
            return statuses;
        }
    }

    /** {@link #REQUESTS} identical POSTs sent at once from a client of their own (as separate clients would). */
    private static Storm storm(String url, String... headers) throws Exception {
        Http http = new Http(url);
        HttpRequest request = http.request("", headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BuyOnceOrders.BODY)).build();
        Latency latency = new Latency();
        long start = System.nanoTime();
        List<CompletableFuture<Http.Response>> pending = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request).whenComplete((response, error) -> latency.recordSince(sent)));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(error -> null)
                .get(180, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Http.Response> answers = new ArrayList<>();
        for (CompletableFuture<Http.Response> answer : pending) {
            answers.add(answer.isCompletedExceptionally() ? null : answer.join());
        }
        return new Storm(answers, latency, REQUESTS / seconds);
    }
}
