package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import java.time.Instant;

/** An authenticated "money captured" notification; {@code eventId} is the provider's, for deduplication. */
public record PaymentNotification(String eventId, PaymentId paymentId, OrderId orderId, Money amount,
                                  Instant capturedAt) {
}
