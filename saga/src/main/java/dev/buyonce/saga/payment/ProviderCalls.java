package dev.buyonce.saga.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;

/**
 * What the payment saga asks of a provider, recorded as intent in the saga's own transaction and carried
 * out later, outside it, by {@link ProviderCallWorker}. The outcome comes back to the order as a command
 * (capture, closed, refunded), and so to the saga as the order's events. A call already waiting for the
 * same payment is not recorded twice.
 */
interface ProviderCalls {

    /** Ask whether the money was taken; if so, tell the order. */
    void check(OrderId orderId, PaymentId paymentId, String provider);

    /** Ask, and close the payment unless the money was taken; tell the order which. */
    void settle(OrderId orderId, PaymentId paymentId, String provider);

    /** Refund the payment in full; tell the order once the provider confirms. */
    void refund(OrderId orderId, PaymentId paymentId, String provider, Money amount);

    /** Whether a refund of this payment is still waiting for the provider to answer. */
    boolean refundInFlight(PaymentId paymentId);
}
