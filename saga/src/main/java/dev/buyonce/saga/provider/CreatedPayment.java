package dev.buyonce.saga.provider;

import dev.buyonce.kernel.payment.PaymentId;

/** The provider's payment: where the customer goes to pay. */
public record CreatedPayment(PaymentId paymentId, String payUrl) {
}
