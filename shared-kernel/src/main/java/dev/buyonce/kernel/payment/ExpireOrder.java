package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment deadline passed: an unpaid order is cancelled and releases what it holds; any other is left alone. */
public record ExpireOrder(@TargetAggregateIdentifier OrderId orderId, Instant at) {
}
