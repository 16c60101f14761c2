package dev.buyonce.command.catalog;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.RuleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Money as the API writes it: {@code {"amount":"9.90","currency":"CNY"}}. */
public record MoneyRequest(
        @NotNull @Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?") String amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public Money toMoney(String field) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + ": " + e.getMessage(),
                    Map.of("errors", List.of(Map.of("field", field, "message", e.getMessage()))));
        }
    }
}
