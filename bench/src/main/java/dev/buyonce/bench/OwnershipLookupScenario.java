package dev.buyonce.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: "does this user own that product?" at a small and a large purchase history, on BuyOnce's
 * ownership endpoint and on the CRUD baseline's query over its orders table. Half of the lookups ask for a
 * product the user bought (BuyOnce may answer those from its cache), half for one nobody bought (always
 * a database read): the p99 therefore shows the database path.
 */
final class OwnershipLookupScenario implements Scenario {
    static final String NEVER_BOUGHT = "never-bought";
    static final int CLIENTS = 16;

    @Override
    public String name() {
        return "ownership-lookup";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        long small = 1_000;
        long large = config.pick(100_000L, 1_000_000L);
        context.defineProduct(NEVER_BOUGHT, "PERMANENT", "49.00");
        for (long p = 0; p < large / PurchaseHistory.USERS; p++) {
            context.defineProduct(PurchaseHistory.product(p * PurchaseHistory.USERS), "PERMANENT", "19.00");
        }
        PurchaseHistory history = new PurchaseHistory(context);
        Duration importTimeout = config.pick(Duration.ofMinutes(4), Duration.ofMinutes(20));
        ClosedLoop loop = new ClosedLoop(CLIENTS, config.pick(Duration.ofSeconds(5), Duration.ofSeconds(10)),
                config.pick(Duration.ofSeconds(15), Duration.ofSeconds(30)), 500_000);
        String[] tokens = new String[PurchaseHistory.USERS];
        for (int u = 0; u < tokens.length; u++) {
            tokens[u] = "Bearer " + context.jwt().user(PurchaseHistory.user(u));
        }

        System.err.println("ownership-lookup: importing " + small + " purchases ...");
        history.importIntoBuyOnce(0, small, importTimeout);
        history.insertIntoCrud(0, small);
        Lookups buyOnceSmall = lookups(loop, small, (user, product) ->
                context.buyOnce().get("/api/entitlements/" + product, "Authorization", tokens[user]), "\"OWNED\"");
        Lookups crudSmall = lookups(loop, small, (user, product) ->
                context.crud().get("/ownership/" + product, "X-User", PurchaseHistory.user(user)), "true");

        System.err.println("ownership-lookup: importing up to " + large + " purchases ...");
        double importSeconds = history.importIntoBuyOnce(small, large, importTimeout);
        double crudInsertSeconds = history.insertIntoCrud(small, large);
        Lookups buyOnceLarge = lookups(loop, large, (user, product) ->
                context.buyOnce().get("/api/entitlements/" + product, "Authorization", tokens[user]), "\"OWNED\"");
        Lookups crudLarge = lookups(loop, large, (user, product) ->
                context.crud().get("/ownership/" + product, "X-User", PurchaseHistory.user(user)), "true");

        return List.of(
                row(name(), buyOnceSmall, buyOnceLarge, small, large)
                        .with("import_purchases_per_s", (large - small) / importSeconds),
                row(name() + ":crud-baseline", crudSmall, crudLarge, small, large)
                        .with("insert_rows_per_s", (large - small) / crudInsertSeconds));
    }

    interface Lookup {
        Http.Response get(int user, String product);
    }

    record Lookups(ClosedLoop.Outcome outcome, Latency latency, long wrong) {
    }

    /** Random users; even iterations ask for a product they bought, odd ones for one nobody bought. */
    private static Lookups lookups(ClosedLoop loop, long purchases, Lookup lookup, String ownedMarker) throws Exception {
        long products = purchases / PurchaseHistory.USERS;
        AtomicLong wrong = new AtomicLong();
        Latency latency = new Latency();
        ClosedLoop.Outcome outcome = loop.run((client, iteration, recorder) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int user = random.nextInt(PurchaseHistory.USERS);
            boolean bought = iteration % 2 == 0;
            String product = bought ? PurchaseHistory.product(random.nextLong(products) * PurchaseHistory.USERS) : NEVER_BOUGHT;
            long start = System.nanoTime();
            Http.Response response;
            try {
                response = lookup.get(user, product);
            } catch (RuntimeException e) {
                response = null;
            }
            if (recorder != null) {
                recorder.recordSince(start);
                if (response == null || !response.ok() || response.body().contains(ownedMarker) != bought) {
                    wrong.incrementAndGet();
                }
            }
        }, latency);
        return new Lookups(outcome, latency, wrong.get());
    }

    private static ScenarioResult row(String name, Lookups small, Lookups large, long smallSize, long largeSize) {
        return ScenarioResult.named(name)
                .measured(large.outcome().perSecond(large.latency().count()), large.latency())
                .with("purchases_small", smallSize)
                .with("p50_ms_small", small.latency().p50Millis())
                .with("p99_ms_small", small.latency().p99Millis())
                .with("purchases_large", largeSize)
                .with("p50_ms_large", large.latency().p50Millis())
                .with("p99_ms_large", large.latency().p99Millis())
                .with("p99_growth", large.latency().p99Millis() / small.latency().p99Millis())
                .with("wrong_answers", small.wrong() + large.wrong());
    }
}
