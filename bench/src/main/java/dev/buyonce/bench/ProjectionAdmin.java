package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * BuyOnce's projection admin endpoints (list, rebuild), so a scenario can wait until a read model has
 * applied every event in the log before it reads or times anything from it, or sample how far behind the
 * log each event processor is.
 */
final class ProjectionAdmin {
    private final Http http;
    private final String authorization;

    /**
     * Where one event processor stands: {@code position} is the last event it applied, {@code head} the log's
     * newest. Older builds (today's included) list views only and answer neither {@code kind} nor the lag
     * fields: their kind is then {@code view}, their lag in events head minus position, in seconds empty.
     */
    record Projection(String name, String kind, String status, long position, long head,
                      OptionalLong reportedLagEvents, OptionalDouble lagSeconds, boolean replayable) {
        boolean liveAtHead() {
            return "LIVE".equals(status) && position >= head;
        }

        /**
         * Only views can be rebuilt (sagas and policies act on the world), and of those only the ones the service
         * marks {@code replayable} (definitions such as the catalog are not); older builds do not say, and list
         * rebuildable views only.
         */
        boolean isView() {
            return "view".equals(kind) && replayable;
        }

        /** Events behind the head: as reported, else head minus position (gaps in the global index count too). */
        long lagEvents() {
            return reportedLagEvents.orElse(Math.max(0, head - position));
        }
    }

    ProjectionAdmin(BenchContext context) {
        this.http = context.buyOnce().http();
        this.authorization = context.adminAuthorization();
    }

    List<Projection> all() {
        Http.Response response = http.get("/api/admin/projections", "Authorization", authorization);
        if (!response.ok()) {
            throw new IllegalStateException("GET /api/admin/projections answered " + response);
        }
        List<Projection> projections = new ArrayList<>();
        for (JsonNode p : response.json()) {
            projections.add(new Projection(p.path("name").asText(), p.path("kind").asText("view"),
                    p.path("status").asText(), p.path("position").asLong(), p.path("head").asLong(),
                    p.path("lagEvents").isNumber() ? OptionalLong.of(p.path("lagEvents").asLong()) : OptionalLong.empty(),
                    p.path("lagSeconds").isNumber() ? OptionalDouble.of(p.path("lagSeconds").asDouble()) : OptionalDouble.empty(),
                    !p.has("replayable") || p.path("replayable").asBoolean()));
        }
        return projections;
    }

    /** The views: what {@link #replay} can rebuild. */
    List<Projection> views() {
        return all().stream().filter(Projection::isView).toList();
    }

    /** Starts the rebuild of one projection (202 expected). */
    void replay(String name) {
        Http.Response response = http.postJson("/api/admin/projections/" + name + "/replay", "", "Authorization", authorization);
        if (response.status() != 202) {
            throw new IllegalStateException("replay of " + name + " answered " + response);
        }
    }

    /**
     * Waits until each named projection (every view when {@code names} is empty) is live at the head;
     * seconds waited, or -1 when {@code bound} passed first.
     */
    double awaitLive(Collection<String> names, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        while (!views().stream().filter(p -> names.isEmpty() || names.contains(p.name())).allMatch(Projection::liveAtHead)) {
            if (System.nanoTime() - start > bound.toNanos()) {
                return -1;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits until every event processor, sagas and policies too, has no event left to handle, at most
     * {@code bound}; the largest lag in events it saw last (0 once all have caught up).
     */
    long awaitAllCaughtUp(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            long largest = all().stream().mapToLong(Projection::lagEvents).max().orElse(0);
            if (largest == 0 || System.nanoTime() > deadline) {
                return largest;
            }
            Thread.sleep(250);
        }
    }
}
