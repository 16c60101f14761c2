package dev.buyonce.query.coupon;

import dev.buyonce.query.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "coupon_claim_view")
class ClaimEntity extends ProjectionRow<UUID> {
    @Id
    @Column(name = "claim_id")
    UUID claimId;
    @Column(name = "coupon_id")
    String couponId;
    @Column(name = "user_id")
    String userId;
    int bucket;
    String status;
    @Column(name = "order_id")
    UUID orderId;
    @Column(name = "claimed_at")
    Instant claimedAt;
    @Column(name = "valid_until")
    Instant validUntil;

    protected ClaimEntity() {
    }

    ClaimEntity(UUID claimId, String couponId, String userId, int bucket, String status, Instant claimedAt,
                Instant validUntil, long lastSequence) {
        super(true);
        this.claimId = claimId;
        this.couponId = couponId;
        this.userId = userId;
        this.bucket = bucket;
        this.status = status;
        this.claimedAt = claimedAt;
        this.validUntil = validUntil;
        advanceTo(lastSequence);
    }

    /** A row as stored, read by a rebuild's batch ({@link ClaimReplayBatch}), which sets its other columns. */
    ClaimEntity(UUID claimId, long lastSequence) {
        super(lastSequence);
        this.claimId = claimId;
    }

    void overwriteWith(ClaimEntity claimed) {
        this.couponId = claimed.couponId;
        this.userId = claimed.userId;
        this.bucket = claimed.bucket;
        this.status = claimed.status;
        this.orderId = null;
        this.claimedAt = claimed.claimedAt;
        this.validUntil = claimed.validUntil;
    }

    @Override
    public UUID getId() {
        return claimId;
    }
}
