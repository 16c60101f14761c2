package dev.buyonce.kernel.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import java.time.Instant;
import java.util.List;

public record OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total,
                          Instant placedAt, Instant paymentDeadline, String requestFingerprint) {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
