package dev.buyonce.kernel.order;

import dev.buyonce.kernel.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an unpaid order on its owner's request; cancelling a cancelled order answers it again. */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, UserId requestedBy, Instant at) {
}
