package dev.buyonce.client;

import java.time.Instant;
import java.util.List;

/**
 * An order as the service shows it. {@code status}: AWAITING_PAYMENT, PAID, CANCELLED or REFUNDED; {@code seats},
 * {@code couponId} and {@code discount} are null where they do not apply.
 */
public record Order(String orderId, String userId, String status, List<OrderLine> items, Money total, Instant createdAt,
                    Instant paymentDeadline, List<String> seats, String couponId, Money discount) {
}
