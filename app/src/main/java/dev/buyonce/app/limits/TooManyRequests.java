package dev.buyonce.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.app.web.Problems;
import dev.buyonce.kernel.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** The one answer of every limit: 429 RATE_LIMITED, {@code Retry-After} in whole seconds (at least 1). */
final class TooManyRequests {
    private TooManyRequests() {
    }

    static void write(ObjectMapper mapper, HttpServletResponse response, Duration retryAfter, String detail)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(mapper, response, ErrorCode.RATE_LIMITED, detail);
    }
}
