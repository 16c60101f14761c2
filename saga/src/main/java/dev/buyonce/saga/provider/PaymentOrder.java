package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;

/** What we ask a provider to collect; the order id travels as metadata and comes back in notifications. */
public record PaymentOrder(PaymentId paymentId, OrderId orderId, String channel, Money amount) {
}
