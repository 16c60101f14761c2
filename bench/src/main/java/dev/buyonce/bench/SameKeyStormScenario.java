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

/** Scenario 2: 1,000 requests with one key, all in flight at once; exactly one order may come of it. */
final class SameKeyStormScenario implements Scenario {
    static final int REQUESTS = 1000;

    @Override
    public String name() {
        return "same-key-storm";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        String orderPlaced = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'";
        long before = context.buyOnce().db().count(orderPlaced);
        // a client of its own: the storm opens its own connections, as 1,000 separate clients would
        Http http = new Http(context.buyOnce().url());
        HttpRequest request = http.request("/api/orders",
                        "Authorization", "Bearer " + context.jwt().user("bench-storm"),
                        "Idempotency-Key", "storm-" + System.currentTimeMillis(),
                        "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BuyOnceOrders.BODY)).build();

        Latency latency = new Latency();
        long start = System.nanoTime();
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request).whenComplete((response, error) -> latency.recordSince(sent)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(error -> null)
                .get(180, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> orderIds = new HashSet<>();
        for (CompletableFuture<Http.Response> answer : answers) {
            Http.Response response = answer.isCompletedExceptionally() ? null : answer.join();
            statuses.merge(response == null ? "error" : Integer.toString(response.status()), 1, Integer::sum);
            if (response != null && response.ok()) {
                orderIds.add(response.json().path("orderId").asText());
            }
        }
        long created = context.buyOnce().db().count(orderPlaced) - before;
        return List.of(ScenarioResult.named(name())
                .measured(REQUESTS / seconds, latency)
                .with("orders_created", created)
                .with("distinct_orders_named", orderIds.size())
                .with("statuses", statuses)
                .with("max_ms", latency.maxMillis()));
    }
}
