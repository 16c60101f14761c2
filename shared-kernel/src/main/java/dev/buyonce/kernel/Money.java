package dev.buyonce.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** An amount in one currency, two decimals, never negative. Serialized with the amount as a decimal string. */
public record Money(BigDecimal amount, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Far above any real basket; bounds arithmetic and rejects absurd input at the edge. */
    public static final BigDecimal MAX = new BigDecimal("1000000000.00");

    public Money {
        if (amount == null || currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("money needs an amount and a three-letter upper-case currency");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be between 0 and " + MAX.toPlainString() + " with at most two decimals");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount less {@code other}; never below zero (Money is never negative). */
    public Money minus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot subtract " + other.currency + " from " + currency);
        }
        return new Money(amount.subtract(other.amount), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
