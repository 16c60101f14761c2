package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/**
 * A payment attempt was opened for the order. It carries the order's payment deadline, because the payment saga
 * starts here (an order no one tries to pay needs none): the saga learns from this event alone when the order
 * expires. {@code paymentDeadline} is null in events stored before it was recorded; their orders' sagas had
 * started from {@code OrderPlaced} and know it already.
 */
public record PaymentRequested(OrderId orderId, PaymentId paymentId, UserId userId, String provider, String channel,
                               Money amount, Instant requestedAt, Instant paymentDeadline) {
}
