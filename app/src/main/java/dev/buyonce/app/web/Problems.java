package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ErrorCode;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with BuyOnce's stable {@code code}; the one shape of every error answer. */
public final class Problems {
    /** RFC 9457's members and our {@code code}: no rule violation's own fields may overwrite them. */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code");

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = of(code.status(), code, detail);
        properties.forEach((name, value) -> {
            // written twice otherwise, the second one winning: an order's "status" (CANCELLED) replaced the problem's 409
            if (!RESERVED.contains(name)) {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }

    /** A problem whose status is not the code's own (a 414 or 431 is still VALIDATION_FAILED). */
    static ProblemDetail of(int status, ErrorCode code, String detail) {
        count(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error " + status);
        problem.setProperty("code", code.name());
        return problem;
    }

    /** The code of an answer whose status says all there is to say (Spring MVC's and the container's own). */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 505 -> ErrorCode.VALIDATION_FAILED; // an HTTP version the client chose
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
        };
    }

    /**
     * The detail of an answer made from a bare status and the container's message: the message when it is short
     * and printable, else the status's own words. A 5xx never says more than that something failed on our side.
     */
    static String detailFor(int status, String message) {
        if (codeFor(status) == ErrorCode.INTERNAL_ERROR) {
            return "an unexpected error occurred; nothing was changed unless the resource says otherwise";
        }
        if (message != null && !message.isBlank() && message.length() <= 200 && message.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return message;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return "the request was refused: " + (known != null ? known.getReasonPhrase() : "status " + status);
    }

    /** For filters and security handlers, which answer before Spring MVC is involved. */
    public static void write(ObjectMapper mapper, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(mapper, response, of(code, detail, Map.of()));
    }

    static void write(ObjectMapper mapper, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Every problem answered, by code ({@code buyonce_problems_total}: 429s are RATE_LIMITED); a duplicate
     * intent refused by its code also counts in {@code buyonce_duplicates_refused_total}.
     */
    private static void count(ErrorCode code) {
        Metrics.counter("buyonce.problems", "code", code.name()).increment();
        if (code == ErrorCode.ALREADY_OWNED || code == ErrorCode.PURCHASE_PENDING) {
            Metrics.counter("buyonce.duplicates.refused", "reason", code.name()).increment();
        }
    }
}
