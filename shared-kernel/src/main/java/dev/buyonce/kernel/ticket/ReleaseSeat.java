package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Frees a seat {@code orderId} holds; anything else (held by another, sold, already free) is a no-op. */
public record ReleaseSeat(@TargetAggregateIdentifier SeatKey seatKey, ProgramId programId, SeatId seatId,
                          OrderId orderId, Instant at) {

    public ReleaseSeat(ProgramId programId, SeatId seatId, OrderId orderId, Instant at) {
        this(SeatKey.of(programId, seatId), programId, seatId, orderId, at);
    }
}
