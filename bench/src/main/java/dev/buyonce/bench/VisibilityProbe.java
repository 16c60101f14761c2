package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read-your-writes probe: as soon as the 201 is in, read the order back with the same token,
 * {@code GET /api/orders/{id}} and (sent at the same moment) the list's page 0. A 404 is a miss; the probe
 * then polls until the order shows, and records in the phase's latency the time from the 201 to the first
 * answer that showed it (an immediate hit too).
 */
final class VisibilityProbe extends OrderProbe {
    /**
     * After a miss the probe waits a tenth of the time since the 201 (at least 10 ms, at most 250 ms) before
     * it asks again: each time is known to within a tenth (near the 100 ms target, to 10 ms and one GET),
     * and a lagging view is not also flooded with reads.
     */
    static final Duration MIN_POLL = Duration.ofMillis(10);
    static final Duration MAX_POLL = Duration.ofMillis(250);
    /** An order not shown by then is recorded at the bound (a lower bound) and counted in {@link #notVisible}. */
    static final Duration BOUND = Duration.ofSeconds(5);
    final AtomicLong getMisses = new AtomicLong();
    final AtomicLong listMisses = new AtomicLong();
    final AtomicLong notVisible = new AtomicLong();

    VisibilityProbe(BuyOnceOrders orders, Http http) {
        super(orders, http, "probe");
    }

    @Override
    void follow(String orderId, String authorization, long answered, Latency latency) throws Exception {
        boolean measured = latency != null;
        CompletableFuture<Http.Response> list = http.sendAsync(
                http.request("/api/orders?page=0&size=20", "Authorization", authorization).GET().build());
        String path = "/api/orders/" + orderId;
        Http.Response read = http.get(path, "Authorization", authorization);
        count(measured && read.status() == 404, getMisses);
        long deadline = answered + BOUND.toNanos();
        while (read.status() == 404 && System.nanoTime() < deadline) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
            Thread.sleep(Math.min(MAX_POLL.toMillis(), Math.max(MIN_POLL.toMillis(), waited / 10)));
            read = http.get(path, "Authorization", authorization);
        }
        long shown = System.nanoTime();
        if (read.status() == 404) {
            count(measured, notVisible);
            shown = deadline;
        }
        if (read.status() != 200 && read.status() != 404) {
            count(measured, failed);
        } else if (measured) {
            latency.recordBetween(answered, shown);
        }
        Http.Response page = list.get(60, TimeUnit.SECONDS);
        if (page.status() != 200) {
            count(measured, failed);
        } else if (!lists(page.json().path("items"), orderId)) {
            count(measured, listMisses);
        }
    }

    private static boolean lists(JsonNode items, String orderId) {
        for (JsonNode item : items) {
            if (orderId.equals(item.path("orderId").asText())) {
                return true;
            }
        }
        return false;
    }
}
