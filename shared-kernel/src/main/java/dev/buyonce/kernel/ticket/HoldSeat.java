package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds a free seat for an order; holding it again for the same order is a no-op. */
public record HoldSeat(@TargetAggregateIdentifier SeatKey seatKey, ProgramId programId, SeatId seatId,
                       OrderId orderId, Instant at) {

    public HoldSeat(ProgramId programId, SeatId seatId, OrderId orderId, Instant at) {
        this(SeatKey.of(programId, seatId), programId, seatId, orderId, at);
    }
}
