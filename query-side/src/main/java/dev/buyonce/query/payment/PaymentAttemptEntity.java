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

    private PaymentAttemptEntity(boolean fresh) {
        super(fresh);
    }

    static PaymentAttemptEntity create(UUID paymentId) {
        PaymentAttemptEntity entity = new PaymentAttemptEntity(true);
        entity.paymentId = paymentId;
        return entity;
    }

    @Override
    public UUID getId() {
        return paymentId;
    }

}
