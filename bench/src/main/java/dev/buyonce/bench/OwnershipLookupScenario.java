package dev.buyonce.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: "does this user own that product?" at a small and a large purchase history, on BuyOnce's
 * ownership endpoint and on the CRUD baseline's query over its orders table. Each system runs as two
 * instances, one per history size, measured in alternating rounds so that other load on the machine hits
 * both sizes alike. Half of the lookups ask for a product the user bought (BuyOnce may answer those from
 * its cache), half for one nobody bought (always a database read), so the p99 shows the database path.
 */
final class OwnershipLookupScenario implements Scenario {
    static final String NEVER_BOUGHT = "never-bought";
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
        for (Service buyOnce : List.of(context.buyOnceSmall(), context.buyOnce())) {
            context.defineProduct(buyOnce, NEVER_BOUGHT, "PERMANENT", "49.00");
        }
        for (long p = 0; p < large / PurchaseHistory.USERS; p++) {
            String product = PurchaseHistory.product(p * PurchaseHistory.USERS);
            context.defineProduct(context.buyOnce(), product, "PERMANENT", "19.00");
            if (p * PurchaseHistory.USERS < small) {
                context.defineProduct(context.buyOnceSmall(), product, "PERMANENT", "19.00");
            }
        }

        PurchaseHistory history = new PurchaseHistory(context.jwt());
        Duration importTimeout = config.pick(Duration.ofMinutes(6), Duration.ofMinutes(30));
        System.err.println("ownership-lookup: importing " + small + " and " + large + " purchases ...");
        history.importInto(context.buyOnceSmall(), 0, small, importTimeout);
        double importSeconds = history.importInto(context.buyOnce(), 0, large, importTimeout);
        PurchaseHistory.insertInto(context.crudSmall(), 0, small);
        double insertSeconds = PurchaseHistory.insertInto(context.crud(), 0, large);

        String[] tokens = new String[PurchaseHistory.USERS];
        for (int u = 0; u < tokens.length; u++) {
            tokens[u] = "Bearer " + context.jwt().user(PurchaseHistory.user(u));
        }
        ClosedLoop round = new ClosedLoop(CLIENTS, config.pick(Duration.ofSeconds(6), Duration.ofSeconds(15)),
                config.pick(Duration.ofSeconds(2), Duration.ofSeconds(5)), 200_000);
        Lookups buyOnce = new Lookups(small, large, "\"OWNED\"", (service, user, product) ->
                service.http().get("/api/entitlements/" + product, "Authorization", tokens[user]));
        Lookups crud = new Lookups(small, large, "true", (service, user, product) ->
                service.http().get("/ownership/" + product, "X-User", PurchaseHistory.user(user)));
        System.err.println("ownership-lookup: measuring lookups ...");
        buyOnce.measure(round, context.buyOnceSmall(), context.buyOnce());
        crud.measure(round, context.crudSmall(), context.crud());

        return List.of(buyOnce.result(name()).with("import_purchases_per_s", large / importSeconds),
                crud.result(name() + ":crud-baseline").with("insert_rows_per_s", large / insertSeconds));
    }

    interface Lookup {
        Http.Response get(Service service, int user, String product);
    }

    /** Lookups against one system at both sizes: warmed up, then measured in alternating rounds. */
    private static final class Lookups {
        private final long small;
        private final long large;
        private final String ownedMarker;
        private final Lookup lookup;
        private final Latency smallLatency = new Latency();
        private final Latency largeLatency = new Latency();
        private final AtomicLong wrong = new AtomicLong();
        private double largeSeconds;

        Lookups(long small, long large, String ownedMarker, Lookup lookup) {
            this.small = small;
            this.large = large;
            this.ownedMarker = ownedMarker;
            this.lookup = lookup;
        }

        void measure(ClosedLoop round, Service smallService, Service largeService) throws Exception {
            round.warmUp(step(smallService, small));
            round.warmUp(step(largeService, large));
            for (int r = 0; r < ROUNDS; r++) {
                round.measure(step(smallService, small), smallLatency);
                largeSeconds += round.measure(step(largeService, large), largeLatency).elapsed().toNanos() / 1e9;
            }
        }

        /** Random users; even iterations ask for a product they bought, odd ones for one nobody bought. */
        private ClosedLoop.Step step(Service service, long purchases) {
            long products = purchases / PurchaseHistory.USERS;
            return (client, iteration, latency) -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int user = random.nextInt(PurchaseHistory.USERS);
                boolean bought = iteration % 2 == 0;
                String product = bought ? PurchaseHistory.product(random.nextLong(products) * PurchaseHistory.USERS) : NEVER_BOUGHT;
                long start = System.nanoTime();
                Http.Response response;
                try {
                    response = lookup.get(service, user, product);
                } catch (RuntimeException e) {
                    response = null;
                }
                if (latency != null) {
                    latency.recordSince(start);
                    if (response == null || !response.ok() || response.body().contains(ownedMarker) != bought) {
                        wrong.incrementAndGet();
                    }
                }
            };
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
                    .with("wrong_answers", wrong.get());
        }
    }
}
