package dev.buyonce.query.order;

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
@Table(name = "order_view")
class OrderEntity implements Persistable<UUID> {
    @Id
    @Column(name = "order_id")
    UUID orderId;
    @Column(name = "user_id")
    String userId;
    String status;
    String items;
    @Column(name = "total_amount")
    BigDecimal totalAmount;
    @Column(name = "total_currency")
    String totalCurrency;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "payment_deadline")
    Instant paymentDeadline;
    @Column(name = "last_sequence")
    long lastSequence;
    /** JSON array of seat ids; null for an order without seats. */
    String seats;
    @Transient
    private boolean fresh;

    protected OrderEntity() {
    }

    OrderEntity(UUID orderId, String userId, String status, String items, BigDecimal totalAmount,
                String totalCurrency, Instant createdAt, Instant paymentDeadline, long lastSequence) {
        this.orderId = orderId;
        this.userId = userId;
        this.status = status;
        this.items = items;
        this.totalAmount = totalAmount;
        this.totalCurrency = totalCurrency;
        this.createdAt = createdAt;
        this.paymentDeadline = paymentDeadline;
        this.lastSequence = lastSequence;
        this.fresh = true;
    }

    OrderEntity withSeats(String seats) {
        this.seats = seats;
        return this;
    }

    /** Applies a change carried by the event with this sequence number, unless it was applied already. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void overwriteWith(OrderEntity placed) {
        this.userId = placed.userId;
        this.status = placed.status;
        this.items = placed.items;
        this.totalAmount = placed.totalAmount;
        this.totalCurrency = placed.totalCurrency;
        this.createdAt = placed.createdAt;
        this.paymentDeadline = placed.paymentDeadline;
        this.seats = placed.seats;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
