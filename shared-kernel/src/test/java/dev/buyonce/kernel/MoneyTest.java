package dev.buyonce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money is a non-negative amount with two decimals, at most {@link Money#MAX}, in a three-letter currency. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "9.9, 9.90",
            "9.90, 9.90",
            "10, 10.00",
            "1.000, 1.00",
            "0, 0.00",
            "-0, 0.00",
            "1E+2, 100.00",
            "1E-2, 0.01",
            "1000000000.00, 1000000000.00"})
    void normalisesTheAmountToTwoDecimals(String amount, String expected) {
        Money money = Money.of(amount, "CNY");

        assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money).hasToString(expected + " CNY");
    }

    @Test
    void equalAmountsWrittenDifferentlyAreEqual() {
        assertThat(Money.of("9.9", "CNY")).isEqualTo(Money.of("9.90", "CNY")).hasSameHashCodeAs(Money.of("9.900", "CNY"));
        assertThat(Money.of("9.90", "CNY")).isNotEqualTo(Money.of("9.90", "EUR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "0.001", "9.999", "1000000000.01", "1E+10"})
    void refusesNegativeTooPreciseOrTooLargeAmounts(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(amount, "CNY"))
                .withMessage("amount must be between 0 and 1000000000.00 with at most two decimals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cny", "CN", "CNYY", "C1Y", " CNY", ""})
    void refusesAnythingButThreeUpperCaseLetters(String currency) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", currency))
                .withMessage("money needs an amount and a three-letter upper-case currency");
    }

    @Test
    void refusesMissingParts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(null, "CNY"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, null));
    }

    @Test
    void multipliesByAQuantity() {
        assertThat(Money.of("9.90", "CNY").times(3)).isEqualTo(Money.of("29.70", "CNY"));
        assertThat(Money.of("9.90", "CNY").times(0)).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(Money.of("0.01", "CNY").times(100_000)).isEqualTo(Money.of("1000.00", "CNY"));
    }

    @Test
    void aProductThatWouldBeNegativeOrAboveTheMaximumIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("9.90", "CNY").times(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("500000000.01", "CNY").times(2));
        assertThat(Money.of("500000000.00", "CNY").times(2)).isEqualTo(new Money(Money.MAX, "CNY"));
    }

    @Test
    void addsOnlyTheSameCurrency() {
        assertThat(Money.of("199.00", "CNY").plus(Money.of("19.80", "CNY"))).isEqualTo(Money.of("218.80", "CNY"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "CNY").plus(Money.of("1.00", "EUR")))
                .withMessage("cannot add EUR to CNY");
    }

    @Test
    void aSumAboveTheMaximumIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(Money.MAX, "CNY").plus(Money.of("0.01", "CNY")));
    }
}
