package dev.buyonce.client;

import java.math.BigDecimal;

/** An amount in a currency, as the API writes it: {@code {"amount":"9.90","currency":"CNY"}}. */
public record Money(BigDecimal amount, String currency) {
}
