package dev.buyonce.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.ticket.SeatId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.buyonce.query.ProjectionRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "order_view")
class OrderEntity extends ProjectionRow<UUID> {
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
    /** JSON array of seat ids; null for an order without seats. */
    String seats;
    /** The coupon the order uses and what it took off the total; null for an order without a coupon. */
    @Column(name = "coupon_id")
    String couponId;
    @Column(name = "discount_amount")
    BigDecimal discountAmount;
    /** Of the request that placed the order (PlacedOrders); null in rows written before it was recorded. */
    @Column(name = "request_fingerprint")
    String requestFingerprint;

    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<SeatId>> SEATS = new TypeReference<>() {
    };

    protected OrderEntity() {
    }

    OrderEntity(UUID orderId, String userId, String status, String items, BigDecimal totalAmount,
                String totalCurrency, Instant createdAt, Instant paymentDeadline, long lastSequence) {
        super(true);
        this.orderId = orderId;
        this.userId = userId;
        this.status = status;
        this.items = items;
        this.totalAmount = totalAmount;
        this.totalCurrency = totalCurrency;
        this.createdAt = createdAt;
        this.paymentDeadline = paymentDeadline;
        advanceTo(lastSequence);
    }

    /** A row as stored, read by a rebuild's batch ({@link OrderReplayBatch}), which sets its other columns. */
    OrderEntity(UUID orderId, long lastSequence) {
        super(lastSequence);
        this.orderId = orderId;
    }

    OrderEntity withSeats(String seats) {
        this.seats = seats;
        return this;
    }

    OrderEntity withFingerprint(String requestFingerprint) {
        this.requestFingerprint = requestFingerprint;
        return this;
    }

    OrderEntity withCoupon(String couponId, BigDecimal discountAmount) {
        this.couponId = couponId;
        this.discountAmount = discountAmount;
        return this;
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
        this.couponId = placed.couponId;
        this.discountAmount = placed.discountAmount;
        this.requestFingerprint = placed.requestFingerprint;
    }

    /** The order as the API shows it. */
    OrderView toView(ObjectMapper json) {
        try {
            return new OrderView(new OrderId(orderId), new UserId(userId), OrderStatus.valueOf(status),
                    json.readValue(items, LINES), new Money(totalAmount, totalCurrency), createdAt, paymentDeadline,
                    seats == null ? List.of() : json.readValue(seats, SEATS),
                    couponId == null ? null : new CouponId(couponId),
                    discountAmount == null ? null : new Money(discountAmount, totalCurrency));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order_view.items of " + orderId + " is not readable", e);
        }
    }

    @Override
    public UUID getId() {
        return orderId;
    }

}
