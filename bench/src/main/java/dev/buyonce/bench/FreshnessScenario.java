package dev.buyonce.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Freshness (issue #10): under a sustained place-order load, does a client read what it just
 * wrote, how soon does a live stream show a change, and how far behind the log do the event processors run?
 * Three groups of clients run at once: the load (as in place-order, users of its own), visibility probes
 * ({@link VisibilityProbe}) and stream probes ({@link SseLagProbe}); {@link ProcessorLag} samples the
 * processors once a second meanwhile. When run.sh started a second BuyOnce node on the same database
 * ({@code buyonce-peer}), the probes read and watch there: every order is placed (and cancelled) on one node
 * and read, or streamed, on the other, which is the harder case.
 */
final class FreshnessScenario implements Scenario {
    static final int LOAD_CLIENTS = 24;
    static final int PROBES = 4;
    /** At most this many event streams are open at once. */
    static final int STREAMS = 8;
    static final double TARGET_MS = 100;
    static final double TARGET_LAG_S = 1;

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        Http http = context.buyOnce().http();
        Service peer = Service.named(config, "buyonce-peer");
        Http reader = peer == null ? http : peer.http();
        context.defineProduct(context.buyOnce(), BuyOnceOrders.PRODUCT, "CONSUMABLE", "9.90");
        ProjectionAdmin admin = new ProjectionAdmin(context);
        // what earlier scenarios left behind is not this scenario's lag
        double settled = admin.awaitLive(List.of(), config.pick(Duration.ofSeconds(20), Duration.ofSeconds(60)));

        Duration warmUp = config.pick(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Duration measure = config.pick(Duration.ofSeconds(25), Duration.ofSeconds(60));
        ClosedLoop loadLoop = new ClosedLoop(LOAD_CLIENTS, warmUp, measure, Long.MAX_VALUE);
        ClosedLoop probeLoop = new ClosedLoop(PROBES, warmUp, measure, Long.MAX_VALUE);
        ClosedLoop streamLoop = new ClosedLoop(STREAMS, warmUp, measure, Long.MAX_VALUE);
        VisibilityProbe probe = new VisibilityProbe(new BuyOnceOrders(context, PROBES, c -> "bench-fresh-p%02d".formatted(c)), reader);
        SseLagProbe streams = new SseLagProbe(new BuyOnceOrders(context, STREAMS, c -> "bench-fresh-s%02d".formatted(c)),
                http, reader);
        Latency orders = new Latency();
        Latency visible = new Latency();
        Latency sseLag = new Latency();
        System.err.printf("freshness: %d load clients, %d probes, %d streams; %d s warm-up, %d s measured ...%n",
                LOAD_CLIENTS, PROBES, STREAMS, warmUp.toSeconds(), measure.toSeconds());
        try (OrderLoad load = new OrderLoad(new BuyOnceOrders(context, LOAD_CLIENTS, c -> "bench-fresh-l%02d".formatted(c)))) {
            together(() -> loadLoop.warmUp(load), () -> probeLoop.warmUp(probe), () -> streamLoop.warmUp(streams));
            ClosedLoop.Outcome outcome;
            ProcessorLag lag = new ProcessorLag(admin, measure);
            try (lag) {
                outcome = together(() -> loadLoop.measure(load, orders), () -> probeLoop.measure(probe, visible),
                        () -> streamLoop.measure(streams, sseLag)).get(0);
            }
            long created = load.created.get() + probe.created.get() + streams.created.get();
            ScenarioResult result = ScenarioResult.named(name())
                    .measured(outcome.perSecond(load.answered.get()), orders)
                    .with("orders_per_s", outcome.perSecond(created))
                    .with("probed", visible.count())
                    .with("get_misses", probe.getMisses.get())
                    .with("list_misses", probe.listMisses.get())
                    .with("not_visible_within_5s", probe.notVisible.get())
                    .with("visible_p50_ms", visible.p50Millis())
                    .with("visible_p99_ms", visible.p99Millis())
                    .with("visible_max_ms", visible.maxMillis())
                    .with("sse_samples", sseLag.count())
                    .with("sse_lag_p50_ms", sseLag.p50Millis())
                    .with("sse_lag_p99_ms", sseLag.p99Millis())
                    .with("sse_lag_from_sent_p50_ms", streams.sinceSent.p50Millis())
                    .with("sse_lag_from_sent_p99_ms", streams.sinceSent.p99Millis())
                    .with("sse_before_answer", streams.beforeAnswer.get())
                    .with("sse_timeouts", streams.timeouts.get())
                    .with("sse_no_initial_state", streams.noInitialState.get());
            lag.report(result);
            if (settled < 0) {
                result.with("note_before", "the views were not all live at the head before the load started");
            }
            Boolean lagMet = lag.withinSeconds(TARGET_LAG_S);
            return List.of(result
                    .with("failed", load.failed.get() + probe.failed.get() + streams.failed.get())
                    .with("clients", "%d load, %d probes, %d streams".formatted(LOAD_CLIENTS, PROBES, STREAMS))
                    .with("probes_read_on", peer == null ? "the same node" : "another node (buyonce-peer)")
                    .with("target_zero_misses_met", probe.getMisses.get() + probe.listMisses.get() == 0)
                    .with("target_visible_p99_met", visible.p99Millis() <= TARGET_MS && probe.notVisible.get() == 0)
                    .with("target_sse_p99_met", sseLag.count() > 0 && sseLag.p99Millis() <= TARGET_MS
                            && streams.timeouts.get() + streams.noInitialState.get() == 0)
                    .with("target_lag_met", lagMet == null ? "unknown (no lagSeconds sampled)" : lagMet));
        }
    }

    /** One phase of each client group, all at once; each phase's outcome, in order. */
    @SafeVarargs
    private static List<ClosedLoop.Outcome> together(Callable<ClosedLoop.Outcome>... phases) throws Exception {
        ExecutorService groups = Executors.newFixedThreadPool(phases.length);
        try {
            List<ClosedLoop.Outcome> outcomes = new ArrayList<>();
            for (Future<ClosedLoop.Outcome> phase : groups.invokeAll(List.of(phases))) {
                outcomes.add(phase.get());
            }
            return outcomes;
        } finally {
            groups.shutdownNow();
        }
    }
}
