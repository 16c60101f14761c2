package dev.buyonce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** An Idempotency-Key is 1–255 visible ASCII characters, sent bare or as an RFC 8941 quoted string. */
class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "!", "~", "order-2026-11-23T10:00:00Z", "a\"b", "a\\b", "8e0f\u0021\u007e"})
    void acceptsVisibleAscii(String value) {
        assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
        assertThat(new IdempotencyKey(value)).hasToString(value);
    }

    @Test
    void acceptsUpTo255Characters() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThat(invalid(() -> new IdempotencyKey("k".repeat(256)))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a b", "tab\there", "line\n", "caf\u00e9", "del\u007f", "unit\u001fsep", "\u0020lead"})
    void refusesAnythingButOneTo255VisibleAsciiCharacters(String value) {
        assertThat(invalid(() -> new IdempotencyKey(value))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    @Test
    void aMissingOrEmptyHeaderIsMissingNotInvalid() {
        assertThat(invalid(() -> IdempotencyKey.fromHeader(null))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_MISSING);
        assertThat(invalid(() -> IdempotencyKey.fromHeader(""))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_MISSING);
    }

    @Test
    void aBareHeaderIsTheKeyAsItIs() {
        assertThat(IdempotencyKey.fromHeader("key-1")).isEqualTo(new IdempotencyKey("key-1"));
        assertThat(IdempotencyKey.fromHeader("a\\b")).isEqualTo(new IdempotencyKey("a\\b"));
    }

    @Test
    void aQuotedHeaderIsUnquotedAndUnescaped() {
        assertThat(IdempotencyKey.fromHeader("\"key-1\"")).isEqualTo(new IdempotencyKey("key-1"));
        assertThat(IdempotencyKey.fromHeader("\"a\\\"b\"")).isEqualTo(new IdempotencyKey("a\"b"));
        assertThat(IdempotencyKey.fromHeader("\"a\\\\b\"")).isEqualTo(new IdempotencyKey("a\\b"));
        assertThat(IdempotencyKey.fromHeader("\"" + "k".repeat(255) + "\"").value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\\b\"", "\"a\\\"", "\"a\"b\"", "\"\"", "\"a b\"", "\"" + "\u00e9" + "\""})
    void aBadQuotedStringIsInvalid(String header) {
        assertThat(invalid(() -> IdempotencyKey.fromHeader(header))).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    @Test
    void aQuotedKeyLongerThan255CharactersIsInvalid() {
        assertThat(invalid(() -> IdempotencyKey.fromHeader("\"" + "k".repeat(256) + "\"")))
                .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_INVALID);
    }

    /** Only a value that starts and ends with a quote is read as a quoted string; a lone quote is a bare key. */
    @Test
    void anUnbalancedQuoteIsKeptAsPartOfABareKey() {
        assertThat(IdempotencyKey.fromHeader("\"").value()).isEqualTo("\"");
        assertThat(IdempotencyKey.fromHeader("\"abc").value()).isEqualTo("\"abc");
    }

    private static ErrorCode invalid(Runnable parse) {
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, parse::run);
        assertThat(violation).as("a RuleViolation").isNotNull();
        return violation.code();
    }
}
