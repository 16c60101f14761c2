package dev.buyonce.bench;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The program the flash sale sells: one category {@value #CATEGORY} of {@code rows} rows {@code R1, R2, …} of
 * {@code seatsPerRow} seats, seat ids {@code R<row>-<number>} as BuyOnce names them. Per-order and per-user
 * limits are 4, the most a buyer asks for.
 */
record SaleProgram(String id, int rows, int seatsPerRow) {
    static final String CATEGORY = "floor";
    static final int MAX_TICKETS = 4;

    int seats() {
        return rows * seatsPerRow;
    }

    /** Row {@code r} counted from 0. */
    static String row(int r) {
        return "R" + (r + 1);
    }

    static String seat(int r, int number) {
        return row(r) + "-" + number;
    }

    /** The body of {@code POST /api/admin/programs}. */
    String definition() {
        String rowList = IntStream.range(0, rows)
                .mapToObj(r -> "{\"row\":\"%s\",\"seats\":%d}".formatted(row(r), seatsPerRow))
                .collect(Collectors.joining(","));
        return """
                {"id":"%s","name":"Bench flash sale","startsAt":"2027-01-01T19:30:00Z","maxTicketsPerOrder":%d,
                 "maxTicketsPerUser":%d,"categories":[{"id":"%s","name":"Floor",
                 "price":{"amount":"280.00","currency":"CNY"},"rows":[%s]}]}"""
                .formatted(id, MAX_TICKETS, MAX_TICKETS, CATEGORY, rowList);
    }
}
