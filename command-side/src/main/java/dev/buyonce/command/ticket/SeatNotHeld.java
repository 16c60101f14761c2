package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;
import java.util.Map;

/** A seat can only be sold to the order that holds it; a payment after the hold was released is refunded. */
public class SeatNotHeld extends RuleViolation {
    public SeatNotHeld(SeatId seat, OrderId orderId) {
        super(ErrorCode.SEAT_UNAVAILABLE, "seat " + seat + " is not held by order " + orderId,
                Map.of("seats", List.of(seat.value()), "orderId", orderId.toString()));
    }
}
