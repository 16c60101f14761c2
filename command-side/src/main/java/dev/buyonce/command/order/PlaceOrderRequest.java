package dev.buyonce.command.order;

import dev.buyonce.kernel.coupon.CouponId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of POST /api/orders. Prices, status and the buyer are never taken from the client. Either
 * {@code items}, or a ticket order: {@code programId} with chosen {@code seats}, or with {@code categoryId}
 * and {@code quantity} for the server to pick adjacent seats. Either may name {@code couponId}: the user's claim
 * of that coupon is used by the order, and its discount comes off the total.
 */
record PlaceOrderRequest(@Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
                         @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}") String programId,
                         @Size(min = 1, max = MAX_TICKETS) List<@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,8}-[1-9][0-9]{0,3}") String> seats,
                         @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,30}") String categoryId,
                         @Min(1) @Max(MAX_TICKETS) Integer quantity,
                         @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String couponId) {

    static final int MAX_QUANTITY = 100;
    static final int MAX_TICKETS = 100;

    /** The coupon the order uses, or null. */
    CouponId coupon() {
        return couponId == null ? null : new CouponId(couponId);
    }

    boolean isTicketOrder() {
        return programId != null;
    }

    /** Exactly one shape: items; or a program with seats; or a program with a category and a quantity. */
    @AssertTrue(message = "send items, or programId with seats, or programId with categoryId and quantity")
    boolean isItems() {
        if (!isTicketOrder()) {
            return items != null && seats == null && categoryId == null && quantity == null;
        }
        return items == null && (seats != null) != (categoryId != null && quantity != null)
                && (seats == null || (categoryId == null && quantity == null));
    }

    record Item(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String productId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }
}
