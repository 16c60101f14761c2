package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a payment attempt for an unpaid order, or answers the attempt this key already opened. The same key
 * with another channel is refused (422); {@code provider} is the provider serving {@code channel}.
 */
public record RequestPayment(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, UserId requestedBy,
                             String provider, String channel, Instant at) {
}
