package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flash-sale client step: each iteration takes the next buyer of the crowd and sends its one order
 * (once more, with the same key, after an I/O error), then books what the answer says: the seats a
 * successful answer names, refusals for want of seats, and anything else as a failure.
 */
final class FlashSaleLoad implements ClosedLoop.Step {
    /** The refusals a sale answers when the seats asked for are gone. */
    private static final Set<String> SOLD_OUT = Set.of("NOT_ENOUGH_SEATS", "SEAT_UNAVAILABLE");
    private final Http http;
    private final Jwt jwt;
    private final SaleProgram program;
    private final List<SaleBuyer> buyers;
    private final AtomicInteger next = new AtomicInteger();
    /** Per seat, how many successful answers named it: more than one is an oversold seat. */
    private final Map<String, Integer> claims = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final AtomicLong lastHoldNanos = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong ordersHeld = new AtomicLong();
    final AtomicLong seatsHeld = new AtomicLong();
    final AtomicLong soldOut = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong wrongSeats = new AtomicLong();

    FlashSaleLoad(Http http, Jwt jwt, SaleProgram program, List<SaleBuyer> buyers) {
        this.http = http;
        this.jwt = jwt;
        this.program = program;
        this.buyers = buyers;
    }

    /** Every buyer has been taken by a client (the last ones may still be waiting for their answers). */
    boolean everyBuyerSent() {
        return next.get() >= buyers.size();
    }

    int buyersServed() {
        return Math.min(next.get(), buyers.size());
    }

    @Override
    public void run(int client, long iteration, Latency latency) {
        int index = next.getAndIncrement();
        if (index >= buyers.size()) {
            return;
        }
        SaleBuyer buyer = buyers.get(index);
        String authorization = "Bearer " + jwt.user(buyer.user());
        Http.Response response = send(buyer, authorization, latency);
        if (response == null) {
            response = send(buyer, authorization, latency);
        }
        book(buyer, response);
    }

    /** One request, timed; null on an I/O error (connection reset, timeout). */
    private Http.Response send(SaleBuyer buyer, String authorization, Latency latency) {
        long start = System.nanoTime();
        try {
            Http.Response response = http.postJson("/api/orders", buyer.body(program),
                    "Authorization", authorization, "Idempotency-Key", buyer.key());
            answered.incrementAndGet();
            return response;
        } catch (UncheckedIOException e) {
            return null;
        } finally {
            latency.recordSince(start);
        }
    }

    private void book(SaleBuyer buyer, Http.Response response) {
        JsonNode body = response == null ? null : parse(response);
        String code = body == null ? "" : body.path("code").asText();
        answers.merge(response == null ? "I/O error" : response.ok() ? Integer.toString(response.status())
                : (response.status() + " " + code).strip(), 1, Integer::sum);
        if (response != null && response.ok() && body != null) {
            List<String> seats = new ArrayList<>();
            body.path("seats").forEach(seat -> seats.add(seat.asText()));
            seats.forEach(seat -> claims.merge(seat, 1, Integer::sum));
            ordersHeld.incrementAndGet();
            seatsHeld.addAndGet(seats.size());
            lastHoldNanos.accumulateAndGet(System.nanoTime(), Math::max);
            Set<String> distinct = new HashSet<>(seats);
            if (seats.size() != buyer.quantity() || distinct.size() != seats.size()
                    || (!buyer.chosenSeats().isEmpty() && !distinct.equals(new HashSet<>(buyer.chosenSeats())))) {
                wrongSeats.incrementAndGet();
            }
        } else if (response != null && response.status() == 409 && SOLD_OUT.contains(code)) {
            soldOut.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    /** The answer's JSON, or null when it has none (a failure then, whatever its status). */
    private static JsonNode parse(Http.Response response) {
        try {
            return response.json();
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** When the last successful answer arrived (System.nanoTime), 0 if none did. */
    long lastHoldNanos() {
        return lastHoldNanos.get();
    }

    /** Seat ids named by a successful answer. */
    Set<String> claimedSeats() {
        return claims.keySet();
    }

    /** Claims beyond the first on each seat: seats sold twice by the answers alone. */
    long doubleClaims() {
        return claims.values().stream().mapToLong(n -> n - 1).sum();
    }

    Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }
}
