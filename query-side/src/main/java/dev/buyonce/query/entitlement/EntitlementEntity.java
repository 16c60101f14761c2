package dev.buyonce.query.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "entitlement_view")
class EntitlementEntity implements Persistable<EntitlementEntity.Key> {

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
    @Column(name = "last_sequence")
    long lastSequence = -1;
    @Transient
    private boolean fresh;

    protected EntitlementEntity() {
    }

    static EntitlementEntity create(Key key) {
        EntitlementEntity entity = new EntitlementEntity();
        entity.key = key;
        entity.fresh = true;
        return entity;
    }

    /** Applies a change carried by the event with this sequence number, unless it was applied already. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
