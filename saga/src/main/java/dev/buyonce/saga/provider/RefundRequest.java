package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.RefundId;

/** A full refund of one payment; {@code refundId} is the refund request number the provider deduplicates by. */
public record RefundRequest(PaymentId paymentId, RefundId refundId, Money amount) {
}
