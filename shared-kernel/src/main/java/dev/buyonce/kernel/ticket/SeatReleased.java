package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record SeatReleased(SeatKey seatKey, ProgramId programId, SeatId seatId,
        OrderId orderId, Instant releasedAt) implements SeatEvent {
}
