package dev.buyonce.query.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "product_view")
class ProductEntity {
    @Id
    @Column(name = "product_id")
    String productId;
    String name;
    String kind;
    @Column(name = "price_amount")
    BigDecimal priceAmount;
    @Column(name = "price_currency")
    String priceCurrency;

    protected ProductEntity() {
    }

    ProductEntity(String productId, String name, String kind, BigDecimal priceAmount, String priceCurrency) {
        this.productId = productId;
        this.name = name;
        this.kind = kind;
        this.priceAmount = priceAmount;
        this.priceCurrency = priceCurrency;
    }
}
