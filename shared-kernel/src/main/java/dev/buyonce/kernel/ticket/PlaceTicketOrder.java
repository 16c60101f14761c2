package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import java.time.Instant;
import java.util.List;

/**
 * Places an order for seats: the order, its seat holds and the user's ticket count are stored in one unit
 * of work, or nothing is. The limits are the program's, copied at the edge from its immutable definition.
 * {@code requestFingerprint} covers what the client asked (chosen seats, or category and quantity), not
 * the seats the server picked, so a retry with a fresh pick still meets the original order. {@code couponId}
 * (or null) names the user's coupon claim the order uses.
 */
public record PlaceTicketOrder(OrderId orderId, UserId userId, ProgramId programId, List<SeatId> seats,
                               List<OrderLine> lines, int maxTicketsPerOrder, int maxTicketsPerUser,
                               String requestFingerprint, Instant placedAt, Instant paymentDeadline,
                               CouponId couponId) {

    public PlaceTicketOrder {
        seats = List.copyOf(seats);
        lines = List.copyOf(lines);
    }
}
