package dev.buyonce.kernel.ticket;

/** A row of {@code seats} seats numbered from 1. */
public record SeatRow(String row, int seats) {
}
