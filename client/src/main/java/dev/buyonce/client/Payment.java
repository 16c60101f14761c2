package dev.buyonce.client;

/** A payment attempt just created: send the customer to {@code payUrl}. */
public record Payment(String paymentId, String orderId, String channel, String status, Money amount, String payUrl) {
}
