package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;
import java.util.Map;

/** Some requested seats are held or sold; the order holds none of its seats. {@code seats} names them. */
public class SeatUnavailable extends RuleViolation {
    private final List<SeatId> seats;

    public SeatUnavailable(List<SeatId> seats) {
        super(ErrorCode.SEAT_UNAVAILABLE, "seats " + seats + " are not available",
                Map.of("seats", seats.stream().map(SeatId::value).toList()));
        this.seats = List.copyOf(seats);
    }

    public List<SeatId> seats() {
        return seats;
    }
}
