package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** What a coupon takes off an order: a fixed amount, or a percentage (1–100) of the order's total; exactly one. */
public record CouponDiscount(Money amount, Integer percent) {

    public CouponDiscount {
        if ((amount == null) == (percent == null)) {
            throw new IllegalArgumentException("a discount is either an amount or a percent");
        }
        if (percent != null && (percent < 1 || percent > 100)) {
            throw new IllegalArgumentException("percent must be 1-100");
        }
        if (amount != null && amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a discount amount must be positive");
        }
    }

    public static CouponDiscount fixed(Money amount) {
        return new CouponDiscount(amount, null);
    }

    public static CouponDiscount percent(int percent) {
        return new CouponDiscount(null, percent);
    }

    /**
     * What comes off {@code total}: a percentage rounded half-up to the cent (never more than the total), or the
     * fixed amount. Empty when it does not apply: a fixed amount in another currency or larger than the total.
     */
    public Optional<Money> off(Money total) {
        if (percent != null) {
            BigDecimal cut = total.amount().multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.HALF_UP);
            return Optional.of(new Money(cut, total.currency()));
        }
        if (!amount.currency().equals(total.currency()) || amount.amount().compareTo(total.amount()) > 0) {
            return Optional.empty();
        }
        return Optional.of(amount);
    }
}
