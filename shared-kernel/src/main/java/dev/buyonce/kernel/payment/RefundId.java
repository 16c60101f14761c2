package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.DeterministicIds;
import java.util.UUID;

/**
 * The refund request number of a payment. Refunds are always of the whole payment, so there is one per
 * payment: derived from the payment id, every retry asks the provider for the same refund.
 */
public record RefundId(UUID value) {

    public RefundId {
        if (value == null) {
            throw new IllegalArgumentException("refund id is required");
        }
    }

    public static RefundId forPayment(PaymentId paymentId) {
        return new RefundId(DeterministicIds.of("refund", paymentId.toString()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
