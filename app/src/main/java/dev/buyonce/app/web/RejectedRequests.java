package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ErrorCode;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What the security firewall refuses (a path with {@code //}, {@code %2f} or {@code ;}, a header value with
 * control characters or bytes outside ASCII) is the client's doing: 400, with IDEMPOTENCY_KEY_INVALID when the
 * refused value is the request's own {@code Idempotency-Key}, VALIDATION_FAILED otherwise. Header values are
 * checked lazily, so the rejection may surface inside Spring MVC too; {@link ProblemAdvice} answers it the same.
 * One INFO line, no stack trace: nothing went wrong on our side.
 */
public final class RejectedRequests implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);
    private final ObjectMapper mapper;

    public RejectedRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Problems.write(mapper, response, problem(request, rejected));
    }

    static ProblemDetail problem(HttpServletRequest request, RequestRejectedException rejected) {
        log.info("refused {} request: {}", request.getMethod(), printable(rejected.getMessage()));
        String key = unwrapped(request).getHeader("Idempotency-Key");
        if (key != null && !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return Problems.of(ErrorCode.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key must be 1-255 visible ASCII characters", Map.of());
        }
        return Problems.of(ErrorCode.VALIDATION_FAILED,
                "the request's path or a header holds characters that are not allowed there", Map.of());
    }

    /** The container's own request, past the firewall's wrapper, whose getters throw on the refused value. */
    private static HttpServletRequest unwrapped(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return (HttpServletRequest) inner;
    }

    /** The firewall's message quotes the refused value: keep control characters and length out of the log. */
    private static String printable(String message) {
        String text = message == null ? "" : message.replaceAll("[^\\x20-\\x7e]", "?");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
