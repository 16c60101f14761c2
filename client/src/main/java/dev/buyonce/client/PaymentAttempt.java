package dev.buyonce.client;

import java.time.Instant;

/** One payment attempt of an order: PENDING, CAPTURED, CLOSED, FAILED or REFUNDED. */
public record PaymentAttempt(String paymentId, String orderId, String channel, String status, Money amount,
                             Instant requestedAt, String flag) {
}
