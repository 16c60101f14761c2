package dev.buyonce.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scenario 5: rebuild every projection of the main BuyOnce instance from an event log of at least 10^6
 * events (quick: 10^5), all at once, while two clients keep asking the ownership view what the purchase
 * history says. The log is what the earlier scenarios left; when it is shorter (a run of this scenario
 * alone), it is topped up with imported purchases first.
 */
final class ReplayScenario implements Scenario {
    /** Lookups during the rebuild are a correctness check, paced so they take little of the CPU it is measured on. */
    static final int READERS = 2;
    static final long READ_PAUSE_MS = 20;
    private static final String EVENTS = "SELECT count(*) FROM domain_event_entry";
    private static final String IMPORTED = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PurchaseImported'";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        Service buyOnce = context.buyOnce();
        long target = config.pick(100_000L, 1_000_000L);
        Duration bound = config.pick(Duration.ofSeconds(90), Duration.ofMinutes(5));
        long imported = buyOnce.db().count(IMPORTED);
        long toppedUp = topUp(context, target - buyOnce.db().count(EVENTS), imported);
        imported += toppedUp;

        ProjectionAdmin admin = new ProjectionAdmin(context);
        double settled = admin.awaitLive(List.of(), Duration.ofMinutes(2));
        long events = buyOnce.db().count(EVENTS);
        List<String> names = admin.views().stream().map(ProjectionAdmin.Projection::name).toList();
        System.err.printf("replay: rebuilding %s over %d events, at most %d s ...%n", names, events, bound.toSeconds());

        OwnershipChecks checks = OwnershipChecks.buyOnce(context.jwt());
        ClosedLoop.Step check = checks.step(buyOnce, imported / PurchaseHistory.USERS * PurchaseHistory.USERS);
        ClosedLoop readers = new ClosedLoop(READERS, Duration.ZERO, bound, Long.MAX_VALUE);
        Latency readLatency = new Latency();
        AtomicBoolean rebuilt = new AtomicBoolean();
        Map<String, Double> seconds = new LinkedHashMap<>();
        ExecutorService background = Executors.newSingleThreadExecutor();
        ClosedLoop.Outcome reads;
        long start = System.nanoTime();
        try {
            Future<ClosedLoop.Outcome> reading = background.submit(() -> readers.measureUntil((client, iteration, latency) -> {
                check.run(client, iteration, latency);
                Thread.sleep(READ_PAUSE_MS);
            }, readLatency, rebuilt::get));
            names.forEach(admin::replay);
            while (seconds.size() < names.size() && System.nanoTime() - start < bound.toNanos()) {
                Thread.sleep(200);
                double now = ScenarioResult.round((System.nanoTime() - start) / 1e9, 1);
                admin.all().stream()
                        .filter(p -> names.contains(p.name()) && !seconds.containsKey(p.name()) && p.liveAtHead())
                        .forEach(p -> seconds.put(p.name(), now));
            }
            rebuilt.set(true);
            reads = reading.get(bound.toSeconds() + 60, TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }

        ScenarioResult result = ScenarioResult.named(name())
                .measured(reads.perSecond(readLatency.count()), readLatency)
                .with("events", events)
                .with("projections", names);
        String note = null;
        if (seconds.size() == names.size()) {
            double elapsed = seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            result.with("elapsed_s", elapsed).with("events_per_s", events / elapsed);
        } else {
            note = unfinished(result, admin, buyOnce.db(), seconds, (System.nanoTime() - start) / 1e9, bound);
        }
        result.with("seconds_per_projection", seconds)
                .with("reads", readLatency.count())
                .with("wrong_answers", checks.wrong())
                .with("topped_up_purchases", toppedUp);
        if (note != null) {
            result.with("note", note);
        }
        if (settled < 0) {
            result.with("note_before", "the projections were not all live at the head before the replay (2 min bound)");
        }
        return List.of(result);
    }

    /**
     * Imports purchases after the {@code imported} ones, whole users' rounds, until the log has {@code missing}
     * more events (nothing when it is not short); purchases imported.
     */
    private static long topUp(BenchContext context, long missing, long imported) throws Exception {
        if (missing <= 0) {
            return 0;
        }
        long to = (imported + missing + PurchaseHistory.USERS - 1) / PurchaseHistory.USERS * PurchaseHistory.USERS;
        System.err.printf("replay: the log is %d events short; importing purchases %d..%d ...%n", missing, imported, to);
        PurchaseHistory.defineProducts(context, context.buyOnce(), to);
        new PurchaseHistory(context.jwt()).importInto(context.buyOnce(), imported, to,
                context.config().pick(Duration.ofMinutes(6), Duration.ofMinutes(30)));
        return to - imported;
    }

    /**
     * The bound passed before every projection was live: the rate is then that of the slowest one, the
     * events up to its position over the time so far; answers the note naming the unfinished ones and their positions.
     */
    private static String unfinished(ScenarioResult result, ProjectionAdmin admin, Database db, Map<String, Double> seconds,
                                   double elapsed, Duration bound) throws Exception {
        Map<String, Long> positions = new LinkedHashMap<>();
        admin.views().stream().filter(p -> !seconds.containsKey(p.name())).forEach(p -> positions.put(p.name(), p.position()));
        long slowest = positions.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long applied = db.count("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", slowest);
        result.with("elapsed_s", elapsed).with("events_per_s", applied / elapsed);
        return "not live at the head within " + bound.toSeconds() + " s; positions then " + positions
                + "; events_per_s counts the events up to the slowest position";
    }
}
