package dev.buyonce.kernel.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;

/**
 * An order was placed. {@code total} is what the customer pays: the lines' sum less {@code discount}, which the
 * claim of {@code couponId} gave (both null for an order without a coupon, as in every event before coupons).
 */
public record OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total,
                          Instant placedAt, Instant paymentDeadline, String requestFingerprint,
                          ProgramId programId, List<SeatId> seats, CouponId couponId, Money discount) {

    public OrderPlaced {
        lines = List.copyOf(lines);
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** An order without a coupon. */
    public OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total, Instant placedAt,
                       Instant paymentDeadline, String requestFingerprint, ProgramId programId, List<SeatId> seats) {
        this(orderId, userId, lines, total, placedAt, paymentDeadline, requestFingerprint, programId, seats, null, null);
    }

    /** An order without seats. */
    public OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total, Instant placedAt,
                       Instant paymentDeadline, String requestFingerprint) {
        this(orderId, userId, lines, total, placedAt, paymentDeadline, requestFingerprint, null, List.of(), null, null);
    }
}
