package dev.buyonce.kernel.order;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Places an order, or answers the one this intent already placed. {@code requestFingerprint} is a hash of
 * the normalised request: the same key with another fingerprint is refused (422).
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, UserId userId, List<OrderLine> lines,
                         String requestFingerprint, Instant placedAt, Instant paymentDeadline) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }
}
