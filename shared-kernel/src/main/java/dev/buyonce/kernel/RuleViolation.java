package dev.buyonce.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the rules refuse. Carries a stable {@link ErrorCode} and the extra problem fields the
 * contract names (for example {@code orderId}); the web edge turns it into an RFC 9457 answer.
 * Named subclasses state the rule; this class is used directly only for edge checks.
 */
public class RuleViolation extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> properties;

    public RuleViolation(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public RuleViolation(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = code;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code VALIDATION_FAILED} for one field, listed in {@code errors} as the web edge lists bean-validation errors. */
    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
