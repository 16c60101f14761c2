package dev.buyonce.app.seats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Programs the ticketing tests sell, defined through the admin API, and helpers to read their seat maps. */
public final class Programs {
    private Programs() {
    }

    /** A new program with one category "floor" of {@code rows} rows (A, B, …) of {@code seatsPerRow} seats. */
    public static String define(Api api, int rows, int seatsPerRow, int maxPerOrder, int maxPerUser) {
        String id = "show-" + UUID.randomUUID().toString().substring(0, 8);
        String rowList = IntStream.range(0, rows)
                .mapToObj(i -> "{\"row\":\"%c\",\"seats\":%d}".formatted((char) ('A' + i), seatsPerRow))
                .collect(Collectors.joining(","));
        Api.Response response = api.post("/api/admin/programs", Tokens.admin("program-admin"), body(id, rowList, maxPerOrder, maxPerUser));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return id;
    }

    public static String body(String id, String rowList, int maxPerOrder, int maxPerUser) {
        return """
                {"id":"%s","name":"Flash sale","startsAt":"2027-01-01T19:30:00Z","maxTicketsPerOrder":%d,
                 "maxTicketsPerUser":%d,"categories":[{"id":"floor","name":"Floor","price":{"amount":"280.00","currency":"CNY"},
                 "rows":[%s]}]}""".formatted(id, maxPerOrder, maxPerUser, rowList);
    }

    public static String chosen(String program, String... seats) {
        return "{\"programId\":\"%s\",\"seats\":[%s]}".formatted(program,
                java.util.Arrays.stream(seats).map(s -> "\"" + s + "\"").collect(Collectors.joining(",")));
    }

    public static String quantity(String program, int quantity) {
        return "{\"programId\":\"%s\",\"categoryId\":\"floor\",\"quantity\":%d}".formatted(program, quantity);
    }

    public static JsonNode floor(Api api, String program) {
        Api.Response map = api.get("/api/programs/" + program + "/seats", Tokens.user("map-reader"));
        assertThat(map.status()).as(map.text()).isEqualTo(200);
        return map.json().path("categories").get(0);
    }

    public static String status(Api api, String program, String seat) {
        for (JsonNode node : floor(api, program).path("seats")) {
            if (node.path("seatId").asText().equals(seat)) {
                return node.path("status").asText();
            }
        }
        return "MISSING";
    }

    public static List<String> seats(Api.Response order) {
        List<String> seats = new ArrayList<>();
        order.json().path("seats").forEach(seat -> seats.add(seat.asText()));
        return seats;
    }

    /** Runs {@code count} calls together: each waits on one latch, released when all are submitted. */
    static <T> List<T> atOnce(int count, IntFunction<T> call) {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> calls = IntStream.range(0, count).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return call.apply(i);
            }, threads)).toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }
}
