package dev.buyonce.saga.provider;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import java.time.Instant;

/**
 * An authenticated "money captured" notification; {@code eventId} is the provider's, for deduplication, so
 * it must be there and fit the inbox: 1-{@value #MAX_EVENT_ID} visible ASCII characters. An empty id would
 * merge unrelated notices in the inbox, an overlong one could not be recorded after the order took it.
 */
public record PaymentNotification(String eventId, PaymentId paymentId, OrderId orderId, Money amount,
                                  Instant capturedAt) {
    public static final int MAX_EVENT_ID = 128;

    public PaymentNotification {
        if (eventId == null || eventId.isEmpty() || eventId.length() > MAX_EVENT_ID
                || !eventId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw NotificationRejected.malformed("the event id must be 1-" + MAX_EVENT_ID + " visible ASCII characters");
        }
        if (paymentId == null || orderId == null || amount == null || capturedAt == null) {
            throw NotificationRejected.malformed("a capture notice names its payment, order, amount and capture time");
        }
    }
}
