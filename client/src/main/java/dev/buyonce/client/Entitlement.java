package dev.buyonce.client;

import java.time.Instant;

/** Whether the caller owns a product: OWNED (since, by an order or an imported purchase), PENDING (an unpaid order) or NONE. */
public record Entitlement(String productId, String status, String orderId, Instant since, String reference) {
}
