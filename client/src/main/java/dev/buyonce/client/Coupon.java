package dev.buyonce.client;

import java.time.Instant;

/** A coupon claimable now; {@code remaining} may lag a moment behind the claims. */
public record Coupon(String id, String name, Discount discount, Instant validFrom, Instant validUntil, int remaining) {
}
