package dev.buyonce.query.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "payment_attempt_view")
class PaymentAttemptEntity implements Persistable<UUID> {
    @Id
    @Column(name = "payment_id")
    UUID paymentId;
    @Column(name = "order_id")
    UUID orderId;
    @Column(name = "user_id")
    String userId;
    String channel;
    String status;
    BigDecimal amount;
    String currency;
    @Column(name = "requested_at")
    Instant requestedAt;
    String flag;
    @Column(name = "last_sequence")
    long lastSequence = -1;
    @Transient
    private boolean fresh;

    protected PaymentAttemptEntity() {
    }

    static PaymentAttemptEntity create(UUID paymentId) {
        PaymentAttemptEntity entity = new PaymentAttemptEntity();
        entity.paymentId = paymentId;
        entity.fresh = true;
        return entity;
    }

    /** Applies a change carried by the order event with this sequence number, unless it was applied already. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    @Override
    public UUID getId() {
        return paymentId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
