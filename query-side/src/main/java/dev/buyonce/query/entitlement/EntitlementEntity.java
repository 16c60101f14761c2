package dev.buyonce.query.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import dev.buyonce.query.ProjectionRow;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "entitlement_view")
class EntitlementEntity extends ProjectionRow<EntitlementEntity.Key> {

    @Embeddable
    record Key(@Column(name = "user_id") String userId, @Column(name = "product_id") String productId)
            implements Serializable {
    }

    @EmbeddedId
    Key key;
    String status;
    @Column(name = "order_id")
    UUID orderId;
    Instant since;
    String reference;

    protected EntitlementEntity() {
    }

    /** A new row for {@code key}, made by its projection. */
    EntitlementEntity(Key key) {
        super(true);
        this.key = key;
    }

    /** A row as stored, read by a rebuild's batch ({@link EntitlementReplayBatch}). */
    EntitlementEntity(Key key, String status, UUID orderId, Instant since, String reference, long lastSequence) {
        super(lastSequence);
        this.key = key;
        this.status = status;
        this.orderId = orderId;
        this.since = since;
        this.reference = reference;
    }

    @Override
    public Key getId() {
        return key;
    }
}
