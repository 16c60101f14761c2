package dev.buyonce.kernel;

/**
 * A client's {@code Idempotency-Key}: 1–255 visible ASCII characters. The header may also carry it as
 * an RFC 8941 structured-field string ({@code "abc"}), as the IETF httpapi draft writes it.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1-255 visible ASCII characters");
        }
    }

    /** Parses the header value; a missing header is {@code IDEMPOTENCY_KEY_MISSING}, a bad one {@code IDEMPOTENCY_KEY_INVALID}. */
    public static IdempotencyKey fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_MISSING, "this request needs an Idempotency-Key header");
        }
        if (header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")) {
            return new IdempotencyKey(unquote(header.substring(1, header.length() - 1)));
        }
        return new IdempotencyKey(header);
    }

    private static String unquote(String inner) {
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                if (i + 1 == inner.length() || (inner.charAt(i + 1) != '"' && inner.charAt(i + 1) != '\\')) {
                    throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_INVALID, "bad escape in quoted Idempotency-Key");
                }
                c = inner.charAt(++i);
            } else if (c == '"') {
                throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_INVALID, "unescaped quote in quoted Idempotency-Key");
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
