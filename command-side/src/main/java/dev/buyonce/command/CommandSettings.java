package dev.buyonce.command;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The command side's settings, {@code buyonce.*}, each default written here once and checked at start-up.
 *
 * @param orders  placing orders
 * @param coupons claiming coupons
 */
@ConfigurationProperties("buyonce")
public record CommandSettings(@DefaultValue Orders orders, @DefaultValue Coupons coupons) {

    /** @param paymentTimeout an order not paid this long after it was placed is cancelled (its payment deadline) */
    public record Orders(@DefaultValue("PT15M") Duration paymentTimeout) {
        public Orders {
            if (paymentTimeout.compareTo(Duration.ofSeconds(1)) < 0 || paymentTimeout.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("buyonce.orders.payment-timeout must be between 1 second and 30 days");
            }
        }
    }

    /** @param dailyClaimLimit coupon claims one user may make per UTC day, over all coupons */
    public record Coupons(@DefaultValue("20") int dailyClaimLimit) {
        public Coupons {
            if (dailyClaimLimit < 1) {
                throw new IllegalArgumentException("buyonce.coupons.daily-claim-limit must be at least 1");
            }
        }
    }
}
