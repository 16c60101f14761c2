package dev.buyonce.command.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST /api/orders. Prices, status and the buyer are never taken from the client. */
record PlaceOrderRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items) {

    static final int MAX_QUANTITY = 100;

    record Item(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String productId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }
}
