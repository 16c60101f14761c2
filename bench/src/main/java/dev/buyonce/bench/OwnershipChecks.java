package dev.buyonce.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ownership lookups checked against {@link PurchaseHistory}: each asks a random history user about a
 * product they bought (even iterations; BuyOnce may answer those from its cache) or about
 * {@link PurchaseHistory#NEVER_BOUGHT} (odd ones: always a database read), and counts every answer that is
 * not 2xx or says the wrong thing.
 */
final class OwnershipChecks {
    private final String ownedMarker;
    private final Lookup lookup;
    private final AtomicLong wrong = new AtomicLong();

    interface Lookup {
        Http.Response get(Service service, int user, String product);
    }

    OwnershipChecks(String ownedMarker, Lookup lookup) {
        this.ownedMarker = ownedMarker;
        this.lookup = lookup;
    }

    /** BuyOnce's {@code GET /api/entitlements/{productId}}, one token per history user. */
    static OwnershipChecks buyOnce(Jwt jwt) {
        String[] tokens = new String[PurchaseHistory.USERS];
        for (int u = 0; u < tokens.length; u++) {
            tokens[u] = "Bearer " + jwt.user(PurchaseHistory.user(u));
        }
        return new OwnershipChecks("\"OWNED\"", (service, user, product) ->
                service.http().get("/api/entitlements/" + product, "Authorization", tokens[user]));
    }

    /** The CRUD baseline's {@code GET /ownership/{productId}}, the caller named by {@code X-User}. */
    static OwnershipChecks crud() {
        return new OwnershipChecks("true", (service, user, product) ->
                service.http().get("/ownership/" + product, "X-User", PurchaseHistory.user(user)));
    }

    /** Lookups against {@code service}, which holds the first {@code purchases} purchases (a multiple of the user count). */
    ClosedLoop.Step step(Service service, long purchases) {
        long products = purchases / PurchaseHistory.USERS;
        return (client, iteration, latency) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int user = random.nextInt(PurchaseHistory.USERS);
            boolean bought = iteration % 2 == 0;
            String product = bought ? PurchaseHistory.product(random.nextLong(products) * PurchaseHistory.USERS)
                    : PurchaseHistory.NEVER_BOUGHT;
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

    long wrong() {
        return wrong.get();
    }
}
