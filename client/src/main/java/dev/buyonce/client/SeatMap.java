package dev.buyonce.client;

import java.util.List;

/** A program's seats by category; each seat FREE, HELD or SOLD. */
public record SeatMap(String programId, List<Category> categories) {

    public record Category(String categoryId, Money price, int free, int held, int sold, List<Seat> seats) {
    }

    public record Seat(String seatId, String row, int number, String status) {
    }
}
