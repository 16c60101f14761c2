package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * Marks every seat of a paid order SOLD, in one unit of work: all of them, or none when one is no longer
 * held by the order (then the payment arrived after the hold was released and must be refunded).
 */
public record SellSeats(OrderId orderId, ProgramId programId, List<SeatId> seats, Instant at) {

    public SellSeats {
        seats = List.copyOf(seats);
    }
}
