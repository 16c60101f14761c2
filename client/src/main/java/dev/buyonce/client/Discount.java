package dev.buyonce.client;

import java.math.BigDecimal;

/** A coupon's discount: an {@code amount} in a {@code currency}, or a {@code percent}. */
public record Discount(BigDecimal amount, String currency, Integer percent) {
}
