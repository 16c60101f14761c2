package dev.buyonce.saga.payment;

import dev.buyonce.saga.provider.PaymentNotification;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The provider event ids the webhook has handled; a repeat is answered without touching the order. */
@Component
class NotificationInbox {
    private final JdbcTemplate jdbc;

    NotificationInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean handled(String provider, String eventId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM payment_inbox WHERE provider = ? AND event_id = ?",
                Integer.class, provider, eventId);
        return count != null && count > 0;
    }

    /** Recorded after the order took the notification; a concurrent duplicate recorded it first, which is fine. */
    void record(String provider, PaymentNotification notification, Instant at) {
        try {
            jdbc.update("INSERT INTO payment_inbox (provider, event_id, payment_id, received_at) VALUES (?, ?, ?, ?)",
                    provider, notification.eventId(), notification.paymentId().value(), Timestamp.from(at));
        } catch (DuplicateKeyException alreadyRecorded) {
            // the order is idempotent per payment, so both deliveries changed it at most once
        }
    }
}
