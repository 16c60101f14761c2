package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ErrorCode;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with BuyOnce's stable {@code code}; the one shape of every error answer. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, Object> properties) {
        count(code);
        HttpStatus status = HttpStatus.valueOf(code.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.name());
        properties.forEach(problem::setProperty);
        return problem;
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

    /** For filters and security handlers, which answer before Spring MVC is involved. */
    public static void write(ObjectMapper mapper, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), of(code, detail, Map.of()));
    }
}
