package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider confirmed a refund of this attempt; a refund already recorded is a no-op. */
public record RecordPaymentRefund(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, RefundId refundId,
                                  Money amount, Instant refundedAt) {
}
