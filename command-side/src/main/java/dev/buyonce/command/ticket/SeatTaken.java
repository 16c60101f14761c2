package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;
import java.util.Map;

/** The seat is held by another order or sold. An order collects these into one {@link SeatUnavailable}. */
public class SeatTaken extends RuleViolation {
    private final SeatId seat;

    public SeatTaken(SeatId seat) {
        super(ErrorCode.SEAT_UNAVAILABLE, "seat " + seat + " is not available", Map.of("seats", List.of(seat.value())));
        this.seat = seat;
    }

    public SeatId seat() {
        return seat;
    }
}
