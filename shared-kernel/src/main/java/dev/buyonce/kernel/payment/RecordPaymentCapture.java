package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider says money was captured for this attempt (by callback or by status query). The order decides:
 * paid, already known (no-op), or rejected and to be refunded. Never fails, however often it is told.
 */
public record RecordPaymentCapture(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, String provider,
                                   Money amount, Instant capturedAt) {
}
