package dev.buyonce.kernel.order;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Places an order, or answers the one this intent already placed. {@code requestFingerprint} is a hash of
 * the normalised request: the same key with another fingerprint is refused (422). {@code couponId}, when set,
 * names the user's claim the order uses (its discount comes off the total).
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, UserId userId, List<OrderLine> lines,
                         String requestFingerprint, Instant placedAt, Instant paymentDeadline,
                         ProgramId programId, List<SeatId> seats, CouponId couponId) {

    public PlaceOrder {
        lines = List.copyOf(lines);
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** An order without a coupon. */
    public PlaceOrder(OrderId orderId, UserId userId, List<OrderLine> lines, String requestFingerprint,
                      Instant placedAt, Instant paymentDeadline, ProgramId programId, List<SeatId> seats) {
        this(orderId, userId, lines, requestFingerprint, placedAt, paymentDeadline, programId, seats, null);
    }

    /** An order without seats. */
    public PlaceOrder(OrderId orderId, UserId userId, List<OrderLine> lines, String requestFingerprint,
                      Instant placedAt, Instant paymentDeadline) {
        this(orderId, userId, lines, requestFingerprint, placedAt, paymentDeadline, null, List.of(), null);
    }
}
