package dev.buyonce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /api/orders}: products ({@link #of}, {@link #items}), chosen seats ({@link #seats}) or
 * adjacent seats the server picks ({@link #adjacent}); any of them may use a claimed coupon ({@link #withCoupon}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderRequest(List<Item> items, String programId, List<String> seats, String categoryId, Integer quantity,
                           String couponId) {

    public record Item(String productId, int quantity) {
    }

    public static OrderRequest of(String productId, int quantity) {
        return items(List.of(new Item(productId, quantity)));
    }

    public static OrderRequest items(List<Item> items) {
        return new OrderRequest(List.copyOf(items), null, null, null, null, null);
    }

    public static OrderRequest seats(String programId, String... seatIds) {
        return new OrderRequest(null, programId, List.of(seatIds), null, null, null);
    }

    public static OrderRequest adjacent(String programId, String categoryId, int quantity) {
        return new OrderRequest(null, programId, null, categoryId, quantity, null);
    }

    public OrderRequest withCoupon(String coupon) {
        return new OrderRequest(items, programId, seats, categoryId, quantity, coupon);
    }
}
