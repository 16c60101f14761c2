package dev.buyonce.command.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;

/**
 * What a ticket order needs from seats, inside the order's own unit of work. Seats are always visited in
 * {@link SeatId} order, so two orders that want overlapping seats lock them in the same order and never
 * deadlock; the user's allowance is visited before any seat, on every path.
 */
public interface SeatReservations {

    /**
     * Counts the tickets against the user's limit ({@link TicketLimitExceeded}) and holds every seat for the
     * order, or fails with {@link SeatUnavailable} naming every seat that is held or sold elsewhere.
     */
    void hold(UserId user, ProgramId program, List<SeatId> seats, OrderId orderId, int maxTicketsPerUser, Instant at);

    /** Frees the seats the order holds or bought (a refund) and gives its tickets back; idempotent. */
    void release(UserId user, ProgramId program, List<SeatId> seats, OrderId orderId, Instant at);

    /** Marks every seat SOLD to the order, or none ({@link SeatNotHeld}); idempotent. */
    void sell(ProgramId program, List<SeatId> seats, OrderId orderId, Instant at);
}
