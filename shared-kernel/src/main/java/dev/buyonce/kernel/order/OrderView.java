package dev.buyonce.kernel.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it; answered by the command side (for writes) and by the order projection.
 * {@code total} is after {@code discount}; {@code couponId} and {@code discount} are null without a coupon.
 */
public record OrderView(OrderId orderId, UserId userId, OrderStatus status, List<OrderLine> items, Money total,
                        Instant createdAt, Instant paymentDeadline, List<SeatId> seats, CouponId couponId,
                        Money discount) {

    public OrderView {
        items = List.copyOf(items);
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** An order without a coupon. */
    public OrderView(OrderId orderId, UserId userId, OrderStatus status, List<OrderLine> items, Money total,
                     Instant createdAt, Instant paymentDeadline, List<SeatId> seats) {
        this(orderId, userId, status, items, total, createdAt, paymentDeadline, seats, null, null);
    }

    /** An order without seats. */
    public OrderView(OrderId orderId, UserId userId, OrderStatus status, List<OrderLine> items, Money total,
                     Instant createdAt, Instant paymentDeadline) {
        this(orderId, userId, status, items, total, createdAt, paymentDeadline, List.of(), null, null);
    }
}
