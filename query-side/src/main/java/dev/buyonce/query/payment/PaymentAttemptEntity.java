package dev.buyonce.query.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.buyonce.query.ProjectionRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment_attempt_view")
class PaymentAttemptEntity extends ProjectionRow<UUID> {
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

    protected PaymentAttemptEntity() {
    }

    /** A new row for {@code paymentId}, made by its projection. */
    PaymentAttemptEntity(UUID paymentId) {
        super(true);
        this.paymentId = paymentId;
    }

    /** A row as stored, read by a rebuild's batch ({@link PaymentAttemptReplayBatch}), which sets its other columns. */
    PaymentAttemptEntity(UUID paymentId, long lastSequence) {
        super(lastSequence);
        this.paymentId = paymentId;
    }

    @Override
    public UUID getId() {
        return paymentId;
    }
}
