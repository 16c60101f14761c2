package dev.buyonce.query.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "coupon_view")
class CouponEntity {
    @Id
    @Column(name = "coupon_id")
    String couponId;
    String name;
    @Column(name = "discount_amount")
    BigDecimal discountAmount;
    @Column(name = "discount_currency")
    String discountCurrency;
    @Column(name = "discount_percent")
    Integer discountPercent;
    int stock;
    int buckets;
    @Column(name = "valid_from")
    Instant validFrom;
    @Column(name = "valid_until")
    Instant validUntil;
    @Column(name = "withdrawn_at")
    Instant withdrawnAt;

    protected CouponEntity() {
    }

    CouponEntity(String couponId, String name, BigDecimal discountAmount, String discountCurrency,
                 Integer discountPercent, int stock, int buckets, Instant validFrom, Instant validUntil) {
        this.couponId = couponId;
        this.name = name;
        this.discountAmount = discountAmount;
        this.discountCurrency = discountCurrency;
        this.discountPercent = discountPercent;
        this.stock = stock;
        this.buckets = buckets;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }
}
