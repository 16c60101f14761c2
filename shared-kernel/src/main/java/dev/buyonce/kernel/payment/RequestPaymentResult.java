package dev.buyonce.kernel.payment;

/** The attempt a payment request opened; {@code duplicated} when this request repeated an earlier one. */
public record RequestPaymentResult(PaymentAttemptView attempt, String provider, boolean duplicated) {
}
