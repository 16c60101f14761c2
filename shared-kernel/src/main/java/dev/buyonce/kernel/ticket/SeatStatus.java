package dev.buyonce.kernel.ticket;

public enum SeatStatus {
    FREE,
    HELD,
    SOLD
}
