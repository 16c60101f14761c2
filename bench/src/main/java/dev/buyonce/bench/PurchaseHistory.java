package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Years of legacy purchases, the same in both systems: purchase {@code i} is user {@code i mod 1000}
 * buying permanent product {@code i / 1000}, so every user's history grows with the total. BuyOnce gets
 * them through its NDJSON import endpoint (the real path); the CRUD baseline by JDBC batch insert.
 */
final class PurchaseHistory {
    static final int USERS = 1000;
    /** A permanent product nobody in the history bought. */
    static final String NEVER_BOUGHT = "never-bought";
    private static final int LINES_PER_REQUEST = 50_000;
    private static final int PARALLEL_IMPORTS = 2;
    private static final Instant FIRST_PURCHASE = Instant.parse("2012-01-01T00:00:00Z");
    private final Jwt jwt;

    PurchaseHistory(Jwt jwt) {
        this.jwt = jwt;
    }

    static String user(long purchase) {
        return "hist-u%04d".formatted(purchase % USERS);
    }

    static String product(long purchase) {
        return "perm-%04d".formatted(purchase / USERS);
    }

    /** Defines, on a BuyOnce instance, every product of the first {@code purchases} purchases and {@link #NEVER_BOUGHT}. */
    static void defineProducts(BenchContext context, Service buyOnce, long purchases) {
        context.defineProduct(buyOnce, NEVER_BOUGHT, "PERMANENT", "49.00");
        for (long p = 0; p * USERS < purchases; p++) {
            context.defineProduct(buyOnce, product(p * USERS), "PERMANENT", "19.00");
        }
    }

    /** Imports purchases [from, to) into a BuyOnce instance and waits until its ownership view shows them all; seconds taken. */
    double importInto(Service buyOnce, long from, long to, Duration timeout) throws Exception {
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_IMPORTS);
        try {
            List<Future<Long>> chunks = new ArrayList<>();
            for (long chunk = from; chunk < to; chunk += LINES_PER_REQUEST) {
                long first = chunk;
                long end = Math.min(to, chunk + LINES_PER_REQUEST);
                chunks.add(workers.submit(() -> importChunk(buyOnce.http(), first, end)));
            }
            for (Future<Long> chunk : chunks) {
                chunk.get(timeout.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        awaitProjection(buyOnce.db(), to, start + timeout.toNanos());
        return (System.nanoTime() - start) / 1e9;
    }

    private long importChunk(Http buyOnce, long from, long to) {
        StringBuilder ndjson = new StringBuilder((int) (to - from) * 110);
        for (long i = from; i < to; i++) {
            ndjson.append("{\"userId\":\"").append(user(i)).append("\",\"productId\":\"").append(product(i))
                    .append("\",\"purchasedAt\":\"").append(FIRST_PURCHASE.plusSeconds(i * 60))
                    .append("\",\"reference\":\"legacy-").append(i).append("\"}\n");
        }
        HttpRequest request = buyOnce.request("/api/admin/imports/purchases",
                        "Authorization", "Bearer " + jwt.admin("bench-admin"),
                        "Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString(), StandardCharsets.UTF_8)).build();
        Http.Response response = buyOnce.send(request);
        JsonNode report = response.json();
        if (!response.ok() || report.path("imported").asLong() != to - from) {
            throw new IllegalStateException("import of purchases " + from + ".." + to + " answered " + response);
        }
        return to - from;
    }

    private static void awaitProjection(Database db, long expected, long deadlineNanos) throws Exception {
        while (db.count("SELECT count(*) FROM entitlement_view WHERE status = 'OWNED'") < expected) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("the entitlement projection did not reach " + expected + " rows in time");
            }
            Thread.sleep(500);
        }
        db.execute("ANALYZE entitlement_view");
    }

    /** Inserts purchases [from, to) as order rows of a CRUD baseline instance; seconds taken. */
    static double insertInto(Service crud, long from, long to) throws Exception {
        long start = System.nanoTime();
        String url = crud.db().url() + (crud.db().url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO orders (user_id, idempotency_key, product_id, quantity, created_at)
                     VALUES (?, ?, ?, 1, ?)""")) {
            connection.setAutoCommit(false);
            for (long i = from; i < to; i++) {
                insert.setString(1, user(i));
                insert.setString(2, "legacy-" + i);
                insert.setString(3, product(i));
                insert.setTimestamp(4, Timestamp.from(FIRST_PURCHASE.plusSeconds(i * 60)));
                insert.addBatch();
                if ((i - from) % 5_000 == 4_999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        crud.db().execute("ANALYZE orders");
        return (System.nanoTime() - start) / 1e9;
    }
}
