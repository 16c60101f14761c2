package dev.buyonce.bench;

import java.time.Duration;
import java.util.List;

/**
 * Scenario 1 (place-order) and 6 (memory): 32 clients placing consumable orders with 20% retried keys,
 * against BuyOnce, the raw-SQL floor and the CRUD baseline, one after the other on the same machine; then
 * the same exchange against an endpoint that stores nothing (the HTTP floor: what the web stack alone
 * allows here).
 */
final class PlaceOrderScenario implements Scenario {
    static final int CLIENTS = 32;

    @Override
    public String name() {
        return "place-order";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        context.defineProduct(context.buyOnce(), BuyOnceOrders.PRODUCT, "CONSUMABLE", "9.90");
        // full runs warm up for a minute, so each service is measured past its JIT warm-up (BENCHMARKS.md,
        // "JIT warm-up"); quick runs cannot afford it
        ClosedLoop loop = new ClosedLoop(CLIENTS, config.pick(Duration.ofSeconds(8), Duration.ofSeconds(60)),
                config.pick(Duration.ofSeconds(20), Duration.ofSeconds(60)), 200_000);

        ScenarioResult buyOnce;
        ScenarioResult memory = ScenarioResult.named("memory");
        try (RssProbe rss = new RssProbe(context.buyOnce().pid())) {
            buyOnce = measure(loop, new BuyOnceOrders(context, CLIENTS), "place-order", context.buyOnce().pid(),
                    () -> ordersProjectionCatchUp(context.buyOnce().db()));
            memory.with("peak_rss_mb", rss.peakMb()).with("during", "place-order (BuyOnce)").with("method", rss.method());
        }
        long orderEvents = context.buyOnce().db().count(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'");
        long orders = context.buyOnce().db().count(
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'");
        long keys = (long) buyOnce.get("keys_sent");
        buyOnce.with("duplicates", (orderEvents - orders) + Math.max(0, orders - keys))
                .with("orders_in_store", orders);

        ScenarioResult raw = measure(loop, new RawSqlOrders(context.rawDb(), CLIENTS), "place-order:raw-sql-baseline", 0,
                Settle.NOTHING);
        ScenarioResult crud = measure(loop, CrudOrders.baseline(context), "place-order:crud-baseline",
                context.crud().pid(), Settle.NOTHING);
        // the floor runs on the CRUD service's JVM, already warm: a short phase is enough
        ClosedLoop floorLoop = new ClosedLoop(CLIENTS, Duration.ofSeconds(5), config.pick(Duration.ofSeconds(10),
                Duration.ofSeconds(20)), 200_000);
        ScenarioResult floor = measure(floorLoop, CrudOrders.httpFloor(context), "place-order:http-floor",
                context.crud().pid(), Settle.NOTHING)
                .with("inconsistent", "n/a (stores nothing: every answer is a creation)");
        double ours = (double) buyOnce.get("throughput");
        double rawThroughput = (double) raw.get("throughput");
        buyOnce.with("ratio_vs_raw_sql", ours / rawThroughput)
                .with("ratio_vs_crud", ours / (double) crud.get("throughput"));
        crud.with("ratio_vs_raw_sql", (double) crud.get("throughput") / rawThroughput);
        floor.with("ratio_vs_raw_sql", (double) floor.get("throughput") / rawThroughput);
        return List.of(buyOnce, raw, crud, floor, memory);
    }

    /** Work a service still owes after the load stopped (BuyOnce: its asynchronous projections); seconds waited. */
    interface Settle {
        Settle NOTHING = () -> 0;

        double await() throws Exception;
    }

    /**
     * Measures one target; {@code servicePid} is the process serving it (0: none, the bench itself talks SQL).
     * The target settles after the warm-up, so no backlog leaks into the measured phase or into the next
     * target's, and after the measured phase, inside the CPU accounting, so deferred work is paid for.
     */
    private static ScenarioResult measure(ClosedLoop loop, OrderTarget target, String name, long servicePid,
                                          Settle settle) throws Exception {
        System.err.printf("place-order: %s ...%n", target.name());
        Latency latency = new Latency();
        try (target; OrderLoad load = new OrderLoad(target)) {
            loop.warmUp(load);
            settle.await();
            ProcessCpu cpu = new ProcessCpu(servicePid);
            ClosedLoop.Outcome outcome = loop.measure(load, latency);
            double loadCpuMillis = cpu.usedMillis();
            double settleSeconds = settle.await();
            double cpuMillis = cpu.usedMillis();
            return ScenarioResult.named(name)
                    .measured(outcome.perSecond(load.answered.get()), latency)
                    .with("service_cpu_ms_per_request", cpuMillis < 0 ? "n/a" : cpuMillis / latency.count())
                    .with("of_which_after_load_ms", cpuMillis < 0 ? "n/a" : (cpuMillis - loadCpuMillis) / latency.count())
                    .with("catch_up_s", settleSeconds)
                    .with("orders_per_s", outcome.perSecond(load.created.get()))
                    .with("requests", latency.count())
                    .with("replayed", load.replayed.get())
                    .with("failed", load.failed.get())
                    .with("inconsistent", load.inconsistent.get())
                    .with("max_ms", latency.maxMillis())
                    .with("keys_sent", load.keys.get());
        }
    }

    /** Waits until BuyOnce's order list shows every order in its event store; seconds waited. */
    private static double ordersProjectionCatchUp(Database db) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        String ordersInStore = "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE payload_type LIKE '%.OrderPlaced'";
        while (db.count("SELECT count(*) FROM order_view") < db.count(ordersInStore)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the orders projection did not catch up within 5 minutes");
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
