package dev.buyonce.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
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
 * less what the service does in the background (its rate over up to 15 s, measured just before). Those guesses run
 * closed-loop, so they measure the guesses' capacity G and their latency in a queue at saturation; last, guesses
 * fall due at {@value #GUESS_LOAD} × G per second in an {@link OpenLoop} (a rate the service sustains), and their
 * p99 there is the one held against the target.
 * <p>
 * Before all of it, a warm-up of a fixed length (not a count) brings the service to steady state: claims of another
 * coupon, made, replayed, refused as claimed twice and, once it has sold out, as sold out, with guesses alongside.
 * Run alone ({@code --only=coupon-rush}) the scenario so measures a JIT-compiled service, as in the whole run.
 */
final class CouponRushScenario implements Scenario {
    static final int STOCK = 1000;
    static final int USERS = 10_000;
    static final int GUESSES = 50_000;
    static final int CLAIM_CLIENTS = 48;
    static final int GUESS_CLIENTS = 16;
    static final long SEED = 20_261_212L;
    /** Stock of the warm-up's coupon: it sells out early in the warm-up, so the sold-out answer is warmed up too. */
    static final int WARM_STOCK = 2000;
    /** The paced guesses' rate, as a fraction of the guesses' closed-loop capacity. */
    static final double GUESS_LOAD = 0.5;
    static final double TARGET_GUESS_P99_MS = 5;

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
        String warmUp = define(context, "warm-" + run, WARM_STOCK, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
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

        // warm-up, not measured: other users claim another coupon as the rush's users will (two attempts each, 40 %
        // of the second ones replays), past its sell-out, with guesses alongside; for a fixed time
        Duration warmFor = context.config().pick(Duration.ofSeconds(20), Duration.ofSeconds(40));
        long warmEnd = System.nanoTime() + warmFor.toNanos();
        Map<String, Integer> warmStatuses = new ConcurrentHashMap<>();
        ExecutorService warming = Executors.newFixedThreadPool(2);
        Future<Integer> warmClaims = warming.submit(() -> untilThen(CLAIM_CLIENTS, warmEnd, i -> {
            int user = i / 2;
            String key = i % 2 == 0 || user % 5 < 2 ? "first" : "second";
            return claim(http, "Bearer " + context.jwt().user("warm-" + run + "-" + user), new Claim(user, warmUp, key), warmStatuses);
        }));
        Future<Integer> warmGuesses = warming.submit(() -> untilThen(GUESS_CLIENTS, warmEnd,
                i -> claim(http, tokens.get(i % USERS), new Claim(i, randomId(new Random(i)), "g"), null)));
        int warmAttempts = warmClaims.get(600, TimeUnit.SECONDS);
        int warmGuessCount = warmGuesses.get(600, TimeUnit.SECONDS);
        warming.shutdown();
        System.err.printf("coupon-rush: warm-up of %d s: %d claim attempts %s, %d guesses%n", warmFor.toSeconds(),
                warmAttempts, new TreeMap<>(warmStatuses), warmGuessCount);

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
        // the rush's events handled first: their processing is no background the guesses would also see
        long behind = new ProjectionAdmin(context).awaitAllCaughtUp(Duration.ofSeconds(30));
        Thread.sleep(1000);
        Latency aloneLatency = new Latency();
        long quietStart = transactions(context, database);
        long quietNanos = System.nanoTime();
        // the background window: as long as the guesses took during the rush, up to 15 s (the background's rate is
        // scaled to the guesses' own window below, so a longer one only costs the run time)
        Thread.sleep((long) (Math.min(duringSeconds, 15) * 1000));
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

        // the guesses alone at a rate the service sustains: latency from the moment each fell due
        double guessCapacity = GUESSES / 2 / aloneSeconds;
        Latency pacedLatency = new Latency();
        Map<String, Integer> pacedStatuses = new ConcurrentHashMap<>();
        Random pacedIds = new Random(SEED + 1);
        List<Claim> paced = new ArrayList<>();
        OpenLoop pacedLoop = new OpenLoop(GUESS_LOAD * guessCapacity, 2 * GUESS_CLIENTS,
                context.config().pick(Duration.ofSeconds(10), Duration.ofSeconds(20)), Duration.ofMillis(100));
        int pacedCount = (int) Math.ceil(GUESS_LOAD * guessCapacity * context.config().pick(10, 20)) + 1;
        for (int i = 0; i < pacedCount; i++) {
            paced.add(new Claim(pacedIds.nextInt(USERS), randomId(pacedIds), "paced-" + i));
        }
        OpenLoop.Outcome pacedOutcome = pacedLoop.run((worker, iteration, due) -> {
            Claim guess = paced.get((int) Math.min(iteration, paced.size() - 1));
            return claim(http, tokens.get(guess.user()), guess, pacedStatuses, pacedLatency, due) == 404;
        });

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
                        .with("paced_per_s", pacedOutcome.perSecond(pacedOutcome.answered()))
                        .with("paced_load_fraction", GUESS_LOAD)
                        .with("paced_p50_ms", pacedLatency.p50Millis())
                        .with("paced_p99_ms", pacedLatency.p99Millis())
                        .with("paced_max_ms", pacedLatency.maxMillis())
                        .with("paced_late_starts", pacedOutcome.late())
                        .with("paced_statuses", new TreeMap<>(pacedStatuses))
                        .with("statuses", new TreeMap<>(guessStatuses))
                        .with("db_transactions_during_guesses", guessed)
                        .with("db_transactions_background_same_time", Math.round(backgroundOverGuesses))
                        .with("db_transactions_cost", guessCost)
                        .with("processor_lag_events_before_window", behind)
                        .with("target_guess_p99_met", pacedLatency.p99Millis() <= TARGET_GUESS_P99_MS
                                && pacedOutcome.failed() == 0 && pacedOutcome.notStarted() == 0));
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
        claim(http, authorization, claim, statuses, null, System.nanoTime());
        return null;
    }

    private static Void claim(Http http, String authorization, Claim claim, Map<String, Integer> statuses, Latency latency) {
        claim(http, authorization, claim, statuses, latency, System.nanoTime());
        return null;
    }

    /** Sends one claim; its latency, if recorded, runs from {@code since}. Returns the answer's status. */
    private static int claim(Http http, String authorization, Claim claim, Map<String, Integer> statuses, Latency latency,
                             long since) {
        HttpRequest request = http.request("/api/coupons/" + claim.couponId() + "/claims", "Authorization", authorization,
                "Idempotency-Key", claim.key()).POST(HttpRequest.BodyPublishers.noBody()).build();
        Http.Response response = http.send(request);
        if (latency != null) {
            latency.recordSince(since);
        }
        if (statuses != null) {
            String code = response.status() >= 400 ? " " + response.json().path("code").asText() : "";
            statuses.merge(response.status() + code, 1, Integer::sum);
        }
        return response.status();
    }

    /** Committed plus rolled-back transactions of the service's database, read from another database. */
    private static long transactions(BenchContext context, String database) throws Exception {
        return context.rawDb().count("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?", database);
    }

    /** Requests numbered from 0 on {@code clients} threads, each taking the next, until {@code endNanos}; how many. */
    private static int untilThen(int clients, long endNanos, IntFunction<Void> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    while (System.nanoTime() < endNanos) {
                        request.apply(next.getAndIncrement());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(600, TimeUnit.SECONDS);
            }
            return next.get();
        } finally {
            pool.shutdownNow();
        }
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
