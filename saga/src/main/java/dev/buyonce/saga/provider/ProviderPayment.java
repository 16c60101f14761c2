package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.payment.PaymentId;
import java.time.Instant;

/** A payment as its provider sees it; {@code captured} and {@code capturedAt} only once money was taken. */
public record ProviderPayment(PaymentId paymentId, ProviderPaymentState state, Money captured, Instant capturedAt) {

    public static ProviderPayment notFound(PaymentId paymentId) {
        return new ProviderPayment(paymentId, ProviderPaymentState.NOT_FOUND, null, null);
    }

    /** Money was taken (and may have been refunded since). */
    public boolean moneyTaken() {
        return state == ProviderPaymentState.CAPTURED || state == ProviderPaymentState.REFUNDED;
    }
}
