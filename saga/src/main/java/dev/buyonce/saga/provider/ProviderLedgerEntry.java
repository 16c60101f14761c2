package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import java.time.Instant;

/** One line of a provider's statement: a {@code CAPTURE} or a {@code REFUND} of a payment. */
public record ProviderLedgerEntry(PaymentId paymentId, OrderId orderId, String type, Money amount, Instant at) {
    public static final String CAPTURE = "CAPTURE";
    public static final String REFUND = "REFUND";
}
