package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import java.util.List;

/** Gives back the seats and tickets a cancelled (or expired) order holds; releasing again is a no-op. */
public record ReleaseSeats(OrderId orderId, UserId userId, ProgramId programId, List<SeatId> seats, Instant at) {

    public ReleaseSeats {
        seats = List.copyOf(seats);
    }
}
