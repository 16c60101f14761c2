package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider closed a pending attempt (it can no longer be paid); anything but a pending attempt is a no-op. */
public record RecordPaymentClosed(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, Instant at) {
}
