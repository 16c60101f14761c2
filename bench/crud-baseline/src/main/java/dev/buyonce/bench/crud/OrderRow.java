package dev.buyonce.bench.crud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One order, one line: the bench only places single-line orders. */
@Entity
@Table(name = "orders")
class OrderRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "user_id")
    String userId;
    @Column(name = "idempotency_key")
    String idempotencyKey;
    @Column(name = "product_id")
    String productId;
    int quantity;
    @Column(name = "created_at")
    Instant createdAt;

    protected OrderRow() {
    }

    OrderRow(String userId, String idempotencyKey, String productId, int quantity, Instant createdAt) {
        this.userId = userId;
        this.idempotencyKey = idempotencyKey;
        this.productId = productId;
        this.quantity = quantity;
        this.createdAt = createdAt;
    }
}
