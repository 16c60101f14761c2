package dev.buyonce.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * Freshness (issue #10): at a sustained place-order rate, does a client read what it just wrote, how soon does a
 * live stream show a change, and how far behind the log do the event processors run? Three groups of clients
 * run at once: the load (as in place-order, users of its own), visibility probes ({@link VisibilityProbe}) and
 * stream probes ({@link SseLagProbe}). The scenario has three phases:
 * <ol>
 * <li>Capacity: all three groups closed-loop, the load with {@value #LOAD_CLIENTS} clients, which saturates the
 * machine; each probe client starts at most one probe per {@link #PROBE_PERIOD}, here and in the measured phase. This is also the warm-up. Over its last part ({@code capacityWindow}) the load group's orders
 * answered as due per second are its capacity C, measured with the probes running alongside.</li>
 * <li>Drain: no load until every event processor, sagas too, has caught up with the backlog the saturation
 * left, or a bound passes ({@code drain_s}, and {@code lag_events_at_start} if it did not).</li>
 * <li>Measured: the load becomes an {@link OpenLoop}: new orders (each with a key of its own, 20 % of them
 * retried as in place-order) fall due at R = fraction × C per second ({@code --freshness-load}, default
 * {@value #DEFAULT_FRACTION}), whether or not the earlier ones are answered, and their latency runs from the
 * moment each fell due. The probes stay closed-loop and paced, as in the capacity phase. {@link ProcessorLag} samples
 * the processors once a second meanwhile.</li>
 * </ol>
 * So the latencies are taken at a rate the service sustains rather than in a queue at saturation;
 * {@code rate_sustained} says whether it did (no arrival ever waited for a worker, and at least 95 % of them
 * were answered as due), and {@code late_starts} counts the arrivals not started 100 ms after they fell due,
 * for whatever reason. The probes place orders of their own, so the service's order rate in the measured phase
 * is R plus theirs ({@code probe_orders_per_s}, at most 12 clients × 2/s; {@code capacity_probe_orders_per_s}
 * at saturation). When run.sh started a second
 * BuyOnce node on the same database ({@code buyonce-peer}), the load is spread over both nodes (so both are warm
 * and busy, as behind a balancer) and the probes read and watch on the peer: every probe order is placed (and
 * cancelled) on one node and read, or streamed, on the other, which is the harder case.
 */
final class FreshnessScenario implements Scenario {
    static final int LOAD_CLIENTS = 24;
    /** The open loop's workers, and so its users: one user per worker, so no user has two orders in flight. */
    static final int LOAD_WORKERS = 64;
    static final double DEFAULT_FRACTION = 0.5;
    /** An arrival not started by this long after it fell due counts as a late start. */
    static final Duration LATE_START = Duration.ofMillis(100);
    static final int PROBES = 4;
    /**
     * Each probe client starts at most one probe per this period: the probes measure the service, they are not
     * load of their own (closed-loop, 12 probe clients alone placed ~70 orders/s, most of the measured rate).
     */
    static final Duration PROBE_PERIOD = Duration.ofMillis(500);
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

        // quick: 10 s + a drain of at most 4 s + 20 s, against 5 s + 25 s when the whole scenario was
        // closed-loop; the capacity is counted only once the JIT warm-up of the first seconds is past
        Duration warmUp = config.pick(Duration.ofSeconds(10), Duration.ofSeconds(30));
        Duration capacityWindow = config.pick(Duration.ofSeconds(5), Duration.ofSeconds(20));
        Duration drainBound = config.pick(Duration.ofSeconds(4), Duration.ofSeconds(30));
        Duration measure = config.pick(Duration.ofSeconds(20), Duration.ofSeconds(60));
        double fraction = config.freshnessLoad();
        ClosedLoop loadLoop = new ClosedLoop(LOAD_CLIENTS, warmUp, measure, Long.MAX_VALUE);
        ClosedLoop probeLoop = new ClosedLoop(PROBES, warmUp, measure, Long.MAX_VALUE);
        ClosedLoop streamLoop = new ClosedLoop(STREAMS, warmUp, measure, Long.MAX_VALUE);
        VisibilityProbe visibility = new VisibilityProbe(new BuyOnceOrders(context, PROBES, c -> "bench-fresh-p%02d".formatted(c)), reader);
        SseLagProbe sse = new SseLagProbe(new BuyOnceOrders(context, STREAMS, c -> "bench-fresh-s%02d".formatted(c)),
                http, reader);
        ClosedLoop.Step probe = paced(visibility, PROBE_PERIOD);
        ClosedLoop.Step streams = paced(sse, PROBE_PERIOD);
        Latency orders = new Latency();
        Latency visible = new Latency();
        Latency sseLag = new Latency();
        System.err.printf("freshness: capacity with %d closed-loop load clients, %d probes, %d streams (%d s, the last %d s"
                        + " counted); drain up to %d s; %d s measured at %.2f of capacity ...%n",
                LOAD_CLIENTS, PROBES, STREAMS, warmUp.toSeconds(), capacityWindow.toSeconds(), drainBound.toSeconds(),
                measure.toSeconds(), fraction);
        // the load is spread over both nodes, as a balancer would: both are warm (and loaded) when the probes read
        List<Http> nodes = peer == null ? List.of(http) : List.of(http, reader);
        try (OrderLoad load = new OrderLoad(new BuyOnceOrders(context, Math.max(LOAD_CLIENTS, LOAD_WORKERS),
                c -> "bench-fresh-l%02d".formatted(c), nodes))) {
            long warmUpStart = System.nanoTime();
            long windowStart = warmUpStart + warmUp.minus(capacityWindow).toNanos();
            long windowEnd = windowStart + capacityWindow.toNanos();
            AtomicLong inWindow = new AtomicLong();
            AtomicLong failedInWindow = new AtomicLong();
            AtomicLong probesInWindow = new AtomicLong();
            // orders answered as due in each second of the warm-up: whether the capacity window was past the ramp
            AtomicLongArray eachSecond = new AtomicLongArray((int) warmUp.toSeconds());
            ClosedLoop.Step counted = (client, iteration, latency) -> {
                boolean ok = load.place(client, iteration, latency, OrderLoad.UNSCHEDULED);
                long now = System.nanoTime();
                if (now >= windowStart && now <= windowEnd) {
                    (ok ? inWindow : failedInWindow).incrementAndGet();
                }
                int second = (int) ((now - warmUpStart) / 1_000_000_000L);
                if (ok && second < eachSecond.length()) {
                    eachSecond.incrementAndGet(second);
                }
            };
            // each probe iteration places one order: their rate beside the load's at saturation
            ClosedLoop.Step probeCounted = countedIn(probe, windowStart, windowEnd, probesInWindow);
            ClosedLoop.Step streamCounted = countedIn(streams, windowStart, windowEnd, probesInWindow);
            together(() -> loadLoop.warmUp(counted), () -> probeLoop.warmUp(probeCounted),
                    () -> streamLoop.warmUp(streamCounted));
            double windowSeconds = capacityWindow.toNanos() / 1e9;
            double capacity = inWindow.get() / windowSeconds;
            double offered = fraction * capacity;
            System.err.printf("freshness: capacity %.1f orders/s; pacing at %.1f/s%n", capacity, offered);
            if (!(offered > 0)) {
                throw new IllegalStateException("freshness: no order answered in the capacity window ("
                        + failedInWindow.get() + " failed), nothing to pace from");
            }

            long drainStart = System.nanoTime();
            long lagAtStart = admin.awaitAllCaughtUp(drainBound);
            double drained = (System.nanoTime() - drainStart) / 1e9;

            OpenLoop loadOpen = new OpenLoop(offered, LOAD_WORKERS, measure, LATE_START);
            OpenLoop.Outcome outcome;
            ProcessorLag lag = new ProcessorLag(admin, measure);
            try (lag) {
                outcome = (OpenLoop.Outcome) together(
                        () -> loadOpen.run((worker, iteration, due) -> load.place(worker, iteration, orders, due)),
                        () -> probeLoop.measure(probe, visible), () -> streamLoop.measure(streams, sseLag)).get(0);
            }
            long created = load.created.get() + visibility.created.get() + sse.created.get();
            ScenarioResult result = ScenarioResult.named(name())
                    .measured(outcome.perSecond(load.answered.get()), orders)
                    .with("orders_per_s", outcome.perSecond(created))
                    .with("capacity_orders_per_s", capacity)
                    .with("capacity_failed", failedInWindow.get())
                    .with("capacity_probe_orders_per_s", probesInWindow.get() / windowSeconds)
                    .with("warm_up_orders_each_s", IntStream.range(0, eachSecond.length()).mapToLong(eachSecond::get)
                            .boxed().toList())
                    .with("load_fraction", fraction)
                    .with("offered_per_s", offered)
                    .with("achieved_per_s", outcome.perSecond(outcome.answered()))
                    .with("arrivals", outcome.due())
                    .with("probe_orders_per_s", outcome.perSecond(visibility.created.get() + sse.created.get()))
                    .with("late_starts", outcome.late())
                    .with("late_starts_pacer", outcome.latePacer())
                    .with("not_started", outcome.notStarted())
                    .with("max_start_delay_ms", outcome.maxStartDelayMillis())
                    .with("max_busy_workers", outcome.maxBusyWorkers())
                    .with("drain_s", drained)
                    .with("lag_events_at_start", lagAtStart)
                    .with("probed", visible.count())
                    .with("get_misses", visibility.getMisses.get())
                    .with("list_misses", visibility.listMisses.get())
                    .with("not_visible_within_5s", visibility.notVisible.get())
                    .with("visible_p50_ms", visible.p50Millis())
                    .with("visible_p99_ms", visible.p99Millis())
                    .with("visible_max_ms", visible.maxMillis())
                    .with("sse_samples", sseLag.count())
                    .with("sse_lag_p50_ms", sseLag.p50Millis())
                    .with("sse_lag_p99_ms", sseLag.p99Millis())
                    .with("sse_lag_from_sent_p50_ms", sse.sinceSent.p50Millis())
                    .with("sse_lag_from_sent_p99_ms", sse.sinceSent.p99Millis())
                    .with("sse_before_answer", sse.beforeAnswer.get())
                    .with("sse_timeouts", sse.timeouts.get())
                    .with("sse_no_initial_state", sse.noInitialState.get());
            lag.report(result);
            if (settled < 0) {
                result.with("note_before", "the views were not all live at the head before the load started");
            }
            if (lagAtStart > 0) {
                result.with("note_drain", "the processors were still %d events behind when the measured phase started"
                        .formatted(lagAtStart));
            }
            Boolean lagMet = lag.withinSeconds(TARGET_LAG_S);
            return List.of(result
                    .with("failed", load.failed.get() + visibility.failed.get() + sse.failed.get())
                    .with("clients", "load open-loop (%d workers; %d closed-loop clients for the capacity), %d probes, %d streams"
                            .formatted(LOAD_WORKERS, LOAD_CLIENTS, PROBES, STREAMS))
                    .with("load_latency_from", "each arrival's due moment (open loop)")
                    .with("probes_read_on", peer == null ? "the same node" : "another node (buyonce-peer)")
                    .with("rate_sustained", outcome.maxBusyWorkers() < LOAD_WORKERS && outcome.notStarted() == 0
                            && outcome.answered() >= 0.95 * outcome.due())
                    .with("target_zero_misses_met", visibility.getMisses.get() + visibility.listMisses.get() == 0)
                    .with("target_visible_p99_met", visible.p99Millis() <= TARGET_MS && visibility.notVisible.get() == 0)
                    .with("target_sse_p99_met", sseLag.count() > 0 && sseLag.p99Millis() <= TARGET_MS
                            && sse.timeouts.get() + sse.noInitialState.get() == 0)
                    .with("target_lag_met", lagMet == null ? "unknown (no lagSeconds sampled)" : lagMet));
        }
    }

    /** {@code step}, each iteration starting no sooner than {@code period} after the one before it began. */
    private static ClosedLoop.Step paced(ClosedLoop.Step step, Duration period) {
        return (client, iteration, latency) -> {
            long started = System.nanoTime();
            step.run(client, iteration, latency);
            long rest = period.toNanos() - (System.nanoTime() - started);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        };
    }

    /** {@code step}, counting the iterations that end between {@code from} and {@code to} into {@code count}. */
    private static ClosedLoop.Step countedIn(ClosedLoop.Step step, long from, long to, AtomicLong count) {
        return (client, iteration, latency) -> {
            step.run(client, iteration, latency);
            long now = System.nanoTime();
            if (now >= from && now <= to) {
                count.incrementAndGet();
            }
        };
    }

    /** One phase of each client group, all at once; each phase's outcome, in order. */
    @SafeVarargs
    private static List<Object> together(Callable<Object>... phases) throws Exception {
        ExecutorService groups = Executors.newFixedThreadPool(phases.length);
        try {
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> phase : groups.invokeAll(List.of(phases))) {
                outcomes.add(phase.get());
            }
            return outcomes;
        } finally {
            groups.shutdownNow();
        }
    }
}
