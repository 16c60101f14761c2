package dev.buyonce.bench;

import java.time.Duration;
import java.util.List;

/**
 * Scenario 3: "does this user own that product?" at a small and a large purchase history, on BuyOnce's
 * ownership endpoint and on the CRUD baseline's query over its orders table. Each system runs as two
 * instances, one per history size, measured in alternating rounds so that other load on the machine hits
 * both sizes alike. Half of the lookups ask for a product the user bought (BuyOnce may answer those from
 * its cache), half for one nobody bought (always a database read), so the p99 shows the database path.
 */
final class OwnershipLookupScenario implements Scenario {
    static final int CLIENTS = 16;
    static final int ROUNDS = 6;

    @Override
    public String name() {
        return "ownership-lookup";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        long small = 1_000;
        long large = config.pick(100_000L, 1_000_000L);
        PurchaseHistory.defineProducts(context, context.buyOnceSmall(), small);
        PurchaseHistory.defineProducts(context, context.buyOnce(), large);

        PurchaseHistory history = new PurchaseHistory(context.jwt());
        Duration importTimeout = config.pick(Duration.ofMinutes(6), Duration.ofMinutes(30));
        System.err.println("ownership-lookup: importing " + small + " and " + large + " purchases ...");
        history.importInto(context.buyOnceSmall(), 0, small, importTimeout);
        double importSeconds = history.importInto(context.buyOnce(), 0, large, importTimeout);
        PurchaseHistory.insertInto(context.crudSmall(), 0, small);
        double insertSeconds = PurchaseHistory.insertInto(context.crud(), 0, large);

        ClosedLoop round = new ClosedLoop(CLIENTS, config.pick(Duration.ofSeconds(6), Duration.ofSeconds(15)),
                config.pick(Duration.ofSeconds(2), Duration.ofSeconds(5)), 200_000);
        Lookups buyOnce = new Lookups(small, large, OwnershipChecks.buyOnce(context.jwt()));
        Lookups crud = new Lookups(small, large, OwnershipChecks.crud());
        System.err.println("ownership-lookup: measuring lookups ...");
        buyOnce.measure(round, context.buyOnceSmall(), context.buyOnce());
        crud.measure(round, context.crudSmall(), context.crud());

        return List.of(buyOnce.result(name()).with("import_purchases_per_s", large / importSeconds),
                crud.result(name() + ":crud-baseline").with("insert_rows_per_s", large / insertSeconds));
    }

    /** Lookups against one system at both sizes: warmed up, then measured in alternating rounds. */
    private static final class Lookups {
        private final long small;
        private final long large;
        private final OwnershipChecks checks;
        private final Latency smallLatency = new Latency();
        private final Latency largeLatency = new Latency();
        private double largeSeconds;

        Lookups(long small, long large, OwnershipChecks checks) {
            this.small = small;
            this.large = large;
            this.checks = checks;
        }

        void measure(ClosedLoop round, Service smallService, Service largeService) throws Exception {
            round.warmUp(checks.step(smallService, small));
            round.warmUp(checks.step(largeService, large));
            for (int r = 0; r < ROUNDS; r++) {
                round.measure(checks.step(smallService, small), smallLatency);
                largeSeconds += round.measure(checks.step(largeService, large), largeLatency).elapsed().toNanos() / 1e9;
            }
        }

        ScenarioResult result(String name) {
            return ScenarioResult.named(name)
                    .measured(largeLatency.count() / largeSeconds, largeLatency)
                    .with("purchases_small", small)
                    .with("p50_ms_small", smallLatency.p50Millis())
                    .with("p99_ms_small", smallLatency.p99Millis())
                    .with("purchases_large", large)
                    .with("p50_ms_large", largeLatency.p50Millis())
                    .with("p99_ms_large", largeLatency.p99Millis())
                    .with("p99_growth", largeLatency.p99Millis() / smallLatency.p99Millis())
                    .with("wrong_answers", checks.wrong());
        }
    }
}
