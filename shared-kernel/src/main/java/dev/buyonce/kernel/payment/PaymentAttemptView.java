package dev.buyonce.kernel.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

/** A payment attempt as the API shows it; {@code flag} names a capture that was refunded for a reason a human should see. */
public record PaymentAttemptView(PaymentId paymentId, OrderId orderId, String channel, PaymentStatus status,
                                 Money amount, Instant requestedAt, String flag) {
}
