package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator refunds a paid order in full; asking again while it is under way or done answers the same. */
public record RefundOrder(@TargetAggregateIdentifier OrderId orderId, UserId requestedBy, Instant at) {
}
