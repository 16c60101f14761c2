package dev.buyonce.kernel.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;

public record OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total,
                          Instant placedAt, Instant paymentDeadline, String requestFingerprint,
                          ProgramId programId, List<SeatId> seats) {

    public OrderPlaced {
        lines = List.copyOf(lines);
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** An order without seats. */
    public OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total, Instant placedAt,
                       Instant paymentDeadline, String requestFingerprint) {
        this(orderId, userId, lines, total, placedAt, paymentDeadline, requestFingerprint, null, List.of());
    }
}
