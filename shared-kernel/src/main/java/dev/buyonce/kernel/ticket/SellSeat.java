package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a seat {@code orderId} holds as sold; selling it again to the same order is a no-op. */
public record SellSeat(@TargetAggregateIdentifier SeatKey seatKey, ProgramId programId, SeatId seatId,
                       OrderId orderId, Instant at) {

    public SellSeat(ProgramId programId, SeatId seatId, OrderId orderId, Instant at) {
        this(SeatKey.of(programId, seatId), programId, seatId, orderId, at);
    }
}
