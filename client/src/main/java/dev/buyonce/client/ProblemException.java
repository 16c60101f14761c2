package dev.buyonce.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem the service answered, with its stable {@code code} (docs/API.md). The common codes have
 * subclasses of their own ({@link #of} picks one); every other code arrives as this class.
 */
public class ProblemException extends BuyOnceException {
    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    protected ProblemException(Problem problem) {
        super(problem.status() + " " + problem.code() + ": " + problem.detail(), null);
        this.status = problem.status();
        this.code = problem.code();
        this.title = problem.title();
        this.detail = problem.detail();
        this.properties = Map.copyOf(problem.properties());
        this.retryAfter = problem.retryAfter();
    }

    /** What was read from one problem answer. */
    record Problem(int status, String code, String title, String detail, Map<String, Object> properties,
                   Duration retryAfter) {
    }

    static ProblemException of(Problem problem) {
        String code = problem.code();
        return switch (code) {
            case "VALIDATION_FAILED", "IDEMPOTENCY_KEY_MISSING", "IDEMPOTENCY_KEY_INVALID" -> new ValidationFailed(problem);
            case "UNAUTHENTICATED" -> new Unauthenticated(problem);
            case "FORBIDDEN" -> new Forbidden(problem);
            case "ALREADY_OWNED" -> new AlreadyOwned(problem);
            case "PURCHASE_PENDING" -> new PurchasePending(problem);
            case "IDEMPOTENCY_KEY_IN_USE" -> new IdempotencyKeyInUse(problem);
            case "IDEMPOTENCY_KEY_REUSED" -> new IdempotencyKeyReused(problem);
            case "RATE_LIMITED", "CLAIM_LIMIT_REACHED" -> new RateLimited(problem);
            default -> {
                if (code.equals("NOT_FOUND") || code.endsWith("_NOT_FOUND")) {
                    yield new NotFound(problem);
                }
                yield problem.status() >= 500 ? new ServerError(problem) : new ProblemException(problem);
            }
        };
    }

    public int status() {
        return status;
    }

    /** The stable code; {@code HTTP_<status>} for an answer that was not a problem (a proxy's error page). */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** A field the problem carries beyond the standard ones ({@code orderId}, {@code claimId}, {@code seats} …). */
    public Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The answer's {@code Retry-After}, where it had one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    String text(String name) {
        return property(name).map(Object::toString).orElse(null);
    }
}
