package dev.buyonce.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is sane, a new one
 * otherwise) and a trace id (from a W3C {@code traceparent}, or new), echoes both, and keeps them as request
 * attributes for {@link AuditMetadata} to stamp on every command the request sends.
 */
class RequestCorrelation extends OncePerRequestFilter {
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String CORRELATION_ATTRIBUTE = RequestCorrelation.class.getName() + ".correlationId";
    static final String TRACE_ATTRIBUTE = RequestCorrelation.class.getName() + ".traceId";
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(CORRELATION_HEADER);
        String correlationId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String traceparent = request.getHeader("traceparent");
        var trace = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
        String traceId = trace != null && trace.matches() ? trace.group(1) : newTraceId();
        request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
        request.setAttribute(TRACE_ATTRIBUTE, traceId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        chain.doFilter(request, response);
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
