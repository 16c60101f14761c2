package dev.buyonce.kernel.ticket;

public record SeatView(SeatId seatId, String row, int number, SeatStatus status) {
}
