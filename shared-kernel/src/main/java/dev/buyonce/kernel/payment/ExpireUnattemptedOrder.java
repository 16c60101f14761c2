package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment deadline of an order nobody asked to pay passed (sent by the sweep of such orders): an order still
 * awaiting payment, whose deadline is at or before {@code at} and that never had a payment attempt, is cancelled.
 * Any other is left alone; an order with attempts is expired by its payment saga ({@link ExpireOrder}) once they
 * are settled.
 */
public record ExpireUnattemptedOrder(@TargetAggregateIdentifier OrderId orderId, Instant at) {
}
