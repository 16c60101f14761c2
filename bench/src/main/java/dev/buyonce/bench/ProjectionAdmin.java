package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * BuyOnce's projection admin endpoints (list, rebuild), so a scenario can wait until a read model has
 * applied every event in the log before it reads or times anything from it.
 */
final class ProjectionAdmin {
    private final Http http;
    private final String authorization;

    /** Where one projection stands: {@code position} is the last event it applied, {@code head} the log's newest. */
    record Projection(String name, String status, long position, long head) {
        boolean liveAtHead() {
            return "LIVE".equals(status) && position >= head;
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
            projections.add(new Projection(p.path("name").asText(), p.path("status").asText(),
                    p.path("position").asLong(), p.path("head").asLong()));
        }
        return projections;
    }

    /** Starts the rebuild of one projection (202 expected). */
    void replay(String name) {
        Http.Response response = http.postJson("/api/admin/projections/" + name + "/replay", "", "Authorization", authorization);
        if (response.status() != 202) {
            throw new IllegalStateException("replay of " + name + " answered " + response);
        }
    }

    /**
     * Waits until each named projection (every projection when {@code names} is empty) is live at the head;
     * seconds waited, or -1 when {@code bound} passed first.
     */
    double awaitLive(Collection<String> names, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        while (!all().stream().filter(p -> names.isEmpty() || names.contains(p.name())).allMatch(Projection::liveAtHead)) {
            if (System.nanoTime() - start > bound.toNanos()) {
                return -1;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
