package dev.buyonce.app.web;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error contract: every failure becomes an RFC 9457 problem with a stable {@code code}. Rule
 * violations carry their own code; Spring MVC's own rejections get the code of their status.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(violation.code().status());
        Object retryAfter = violation.properties().get("retryAfterSeconds");
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        } else if (violation.code() == ErrorCode.IDEMPOTENCY_KEY_IN_USE || violation.code() == ErrorCode.CONFLICT
                || violation.code() == ErrorCode.RATE_LIMITED || violation.code() == ErrorCode.PROVIDER_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.body(Problems.of(violation.code(), violation.getMessage(), violation.properties()));
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        ProblemDetail problem = RejectedRequests.problem(request, e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * A defect on our side, never a client's doing: logged once, with its stack trace, and answered 500 unless the
     * answer has begun already (a stream), when nothing more can be written. The database out of reach for a moment
     * is no defect: 503 SERVICE_UNAVAILABLE with Retry-After, a one-line WARN (its causes often read "connection reset",
     * like a client's hang-up, so only a failed write into an answer already begun counts as a client gone, logged at
     * DEBUG).
     */
    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletResponse response) {
        if (response.isCommitted()) {
            // a stream's answer has begun: nothing can be said any more, and a failed write is a client gone
            if (e instanceof IOException) {
                log.debug("the client went away: {}", e.toString());
            } else {
                log.error("unexpected failure", e);
            }
            return null;
        }
        RuleViolation wrapped = causeOfType(e, RuleViolation.class);
        if (wrapped != null) {
            return ruleViolation(wrapped);
        }
        Throwable unreachable = DatabaseOutage.cause(e);
        if (unreachable != null) {
            DatabaseOutage.logged(unreachable);
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(Problems.of(ErrorCode.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL, Map.of()));
        }
        log.error("unexpected failure", e);
        return ResponseEntity.status(500).body(Problems.of(ErrorCode.INTERNAL_ERROR, Problems.detailFor(500, null), Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causeOfType(e, BodySizeLimit.TooLarge.class) != null) {
            return problem(ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds " + BodySizeLimit.LIMIT + " bytes", Map.of());
        }
        String detail = "the body is not valid JSON of the expected shape";
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String message = mapping instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "unknown field" : "invalid value";
            return problem(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                    Map.of("errors", List.of(Map.of("field", field, "message", message))));
        }
        return problem(ErrorCode.VALIDATION_FAILED, detail, Map.of("errors", List.of(Map.of("field", "body", "message", detail))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return problem(ErrorCode.VALIDATION_FAILED, "the request has invalid fields", Map.of("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return problem(ErrorCode.VALIDATION_FAILED, "the request has invalid parameters", Map.of("errors", errors));
    }

    /** Spring MVC's other rejections (404, 405, 406, 415, type mismatches …) get the code of their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", Problems.codeFor(status.value()).name());
        }
        return answer;
    }

    private static ResponseEntity<Object> problem(ErrorCode code, String detail, Map<String, Object> properties) {
        return ResponseEntity.status(code.status()).body(Problems.of(code, detail, properties));
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
