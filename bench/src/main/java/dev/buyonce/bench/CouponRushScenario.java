package dev.buyonce.bench;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Scenario: a coupon rush. One coupon of 1,000 units; 10,000 users try twice each (the second attempt of 40 % of
 * them repeats the first one's key, so 20 % of all attempts are replays; the others use a new key, a double
 * click); meanwhile 25,000 guesses at random coupon ids (and at a withdrawn and a not-yet-valid coupon) arrive.
 * Then 25,000 more guesses come alone, and the database transactions they cost are read from pg_stat_database,
 * less what the service does in the background over a window as long, measured just before.
 */
final class CouponRushScenario implements Scenario {
    static final int STOCK = 1000;
    static final int USERS = 10_000;
    static final int GUESSES = 50_000;
    static final int CLAIM_CLIENTS = 48;
    static final int GUESS_CLIENTS = 16;
    static final long SEED = 20_261_212L;

    @Override
    public String name() {
        return "coupon-rush";
    }

    /** One request: who sends it, to which coupon, with which key. */
    private record Claim(int user, String couponId, String key) {
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        Http http = context.buyOnce().http();
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String coupon = define(context, "rush-" + run, STOCK, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        String warmUp = define(context, "warm-" + run, 2000, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        String future = define(context, "future-" + run, 10, now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
        String withdrawn = define(context, "gone-" + run, 10, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        Http.Response gone = http.postJson("/api/admin/coupons/" + withdrawn + "/withdraw", "", "Authorization",
                context.adminAuthorization());
        if (!gone.ok()) {
            throw new IllegalStateException("could not withdraw " + withdrawn + ": " + gone);
        }
        List<String> tokens = new ArrayList<>(USERS);
        for (int i = 0; i < USERS; i++) {
            tokens.add("Bearer " + context.jwt().user("rush-" + run + "-" + i));
        }
        Random random = new Random(SEED);

        // warm-up: 2,000 claims of another coupon by other users, not measured
        List<Claim> warm = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            warm.add(new Claim(i, warmUp, "warm"));
        }
        List<String> warmTokens = warm.stream().map(c -> "Bearer " + context.jwt().user("warm-" + run + "-" + c.user())).toList();
        onClients(CLAIM_CLIENTS, warm.size(), i -> claim(http, warmTokens.get(i), warm.get(i), null));
        onClients(GUESS_CLIENTS, 5000, i -> claim(http, tokens.get(i % USERS), new Claim(i, randomId(new Random(i)), "g"), null));

        List<Claim> attempts = new ArrayList<>(2 * USERS);
        for (int user = 0; user < USERS; user++) {
            boolean replay = user % 5 < 2;
            attempts.add(new Claim(user, coupon, "first"));
            attempts.add(new Claim(user, coupon, replay ? "first" : "second"));
        }
        Collections.shuffle(attempts, random);
        List<Claim> guesses = new ArrayList<>(GUESSES);
        for (int i = 0; i < GUESSES; i++) {
            int kind = random.nextInt(20);
            String id = kind == 0 ? future : kind == 1 ? withdrawn : randomId(random);
            guesses.add(new Claim(random.nextInt(USERS), id, "guess-" + i));
        }

        Latency claimLatency = new Latency();
        Latency guessLatency = new Latency();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> guessStatuses = new ConcurrentHashMap<>();
        System.err.printf("coupon-rush: stock %d, %d users x 2 attempts, %d guesses during the rush ...%n",
                STOCK, USERS, GUESSES / 2);
        long start = System.nanoTime();
        ExecutorService both = Executors.newFixedThreadPool(2);
        Future<Double> rush = both.submit(() -> onClients(CLAIM_CLIENTS, attempts.size(), i ->
                claim(http, tokens.get(attempts.get(i).user()), attempts.get(i), statuses, claimLatency)));
        Future<Double> during = both.submit(() -> onClients(GUESS_CLIENTS, GUESSES / 2, i ->
                claim(http, tokens.get(guesses.get(i).user()), guesses.get(i), guessStatuses, guessLatency)));
        double rushSeconds = rush.get(600, TimeUnit.SECONDS);
        double duringSeconds = during.get(600, TimeUnit.SECONDS);
        both.shutdown();
        System.err.printf("coupon-rush: %d attempts in %.1f s, %d guesses in %.1f s; statuses %s%n", attempts.size(),
                rushSeconds, GUESSES / 2, duringSeconds, new TreeMap<>(statuses));

        // the guesses' cost in database transactions, against the background over as long a window
        String database = context.buyOnce().db().text("SELECT current_database()");
        Thread.sleep(2000);
        Latency aloneLatency = new Latency();
        long quietStart = transactions(context, database);
        long quietNanos = System.nanoTime();
        // the background window lasts as long as the guesses did during the rush (their pace alone is similar)
        Thread.sleep((long) (duringSeconds * 1000));
        double quietSeconds = (System.nanoTime() - quietNanos) / 1e9;
        Thread.sleep(1500);
        long background = transactions(context, database) - quietStart;
        long guessStart = transactions(context, database);
        double aloneSeconds = onClients(GUESS_CLIENTS, GUESSES / 2, i -> claim(http, tokens.get(guesses.get(GUESSES / 2 + i).user()),
                guesses.get(GUESSES / 2 + i), guessStatuses, aloneLatency));
        Thread.sleep(1500);
        long guessed = transactions(context, database) - guessStart;
        double backgroundOverGuesses = background * (aloneSeconds + 1.5) / (quietSeconds + 1.5);
        long guessCost = Math.max(0, Math.round(guessed - backgroundOverGuesses));

        long claimsMade = context.buyOnce().db().count(
                "SELECT count(*) FROM coupon_claim_view WHERE coupon_id = ?", coupon);
        long usersWithTwo = context.buyOnce().db().count("SELECT count(*) FROM (SELECT user_id FROM coupon_claim_view "
                + "WHERE coupon_id = ? GROUP BY user_id HAVING count(*) > 1) twice", coupon);
        long claimEvents = context.buyOnce().db().count("SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type LIKE '%.CouponStockTaken' AND convert_from(payload, 'UTF8') LIKE ?", "%\"" + coupon + "\"%");
        int created = statuses.getOrDefault("201", 0);
        return List.of(
                ScenarioResult.named(name())
                        .measured(attempts.size() / rushSeconds, claimLatency)
                        .with("claims_made", claimsMade)
                        .with("stock_units_taken", claimEvents)
                        .with("answered_201", created)
                        .with("users_with_two_claims", usersWithTwo)
                        .with("statuses", new TreeMap<>(statuses))
                        .with("rush_seconds", rushSeconds)
                        .with("max_ms", claimLatency.maxMillis()),
                ScenarioResult.named(name() + "-guesses")
                        .measured(GUESSES / 2 / duringSeconds, guessLatency)
                        .with("during_rush", GUESSES / 2)
                        .with("alone", GUESSES / 2)
                        .with("alone_per_s", GUESSES / 2 / aloneSeconds)
                        .with("alone_p50_ms", aloneLatency.p50Millis())
                        .with("alone_p99_ms", aloneLatency.p99Millis())
                        .with("statuses", new TreeMap<>(guessStatuses))
                        .with("db_transactions_during_guesses", guessed)
                        .with("db_transactions_background_same_time", Math.round(backgroundOverGuesses))
                        .with("db_transactions_cost", guessCost));
    }

    private static String define(BenchContext context, String id, int stock, Instant from, Instant until) {
        Http.Response response = context.buyOnce().http().postJson("/api/admin/coupons", """
                {"id":"%s","name":"Bench %s","discount":{"percent":10},"stock":%d,"validFrom":"%s","validUntil":"%s"}"""
                .formatted(id, id, stock, from, until), "Authorization", context.adminAuthorization());
        if (!response.ok()) {
            throw new IllegalStateException("could not define coupon " + id + ": " + response);
        }
        return id;
    }

    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return id.toString();
    }

    private static Void claim(Http http, String authorization, Claim claim, Map<String, Integer> statuses) {
        return claim(http, authorization, claim, statuses, null);
    }

    private static Void claim(Http http, String authorization, Claim claim, Map<String, Integer> statuses, Latency latency) {
        HttpRequest request = http.request("/api/coupons/" + claim.couponId() + "/claims", "Authorization", authorization,
                "Idempotency-Key", claim.key()).POST(HttpRequest.BodyPublishers.noBody()).build();
        long sent = System.nanoTime();
        Http.Response response = http.send(request);
        if (latency != null) {
            latency.recordSince(sent);
        }
        if (statuses != null) {
            String code = response.status() >= 400 ? " " + response.json().path("code").asText() : "";
            statuses.merge(response.status() + code, 1, Integer::sum);
        }
        return null;
    }

    /** Committed plus rolled-back transactions of the service's database, read from another database. */
    private static long transactions(BenchContext context, String database) throws Exception {
        return context.rawDb().count("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?", database);
    }

    /** {@code count} requests shared by {@code clients} threads, each taking the next; the seconds it took. */
    private static double onClients(int clients, int count, IntFunction<Void> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        request.apply(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(600, TimeUnit.SECONDS);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }
}
