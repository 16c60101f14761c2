package dev.buyonce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one request, the very same (same headers, so the same Idempotency-Key) on every attempt, until it gets
 * an answer that is not worth retrying or the policy is spent. Retried: no answer (connection refused, reset or
 * closed, a timeout), any 5xx, 429, and the 409s that mean "the same thing is in progress, come back"
 * (IDEMPOTENCY_KEY_IN_USE, CONFLICT). Every other problem is thrown at once, as its {@link ProblemException}.
 */
final class RetryingSender {
    private static final Set<String> RETRIED_CONFLICTS = Set.of("IDEMPOTENCY_KEY_IN_USE", "CONFLICT");

    /** Waits between attempts; tests put a recorder here. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    record Answer(int status, HttpResponse<String> response) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    RetryingSender(HttpClient http, ObjectMapper json, RetryPolicy policy, Sleeper sleeper) {
        this.http = http;
        this.json = json;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    Answer send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 400) {
                    return new Answer(response.statusCode(), response);
                }
                ProblemException.Problem problem = problem(response);
                if (attempt >= policy.maxAttempts() || !retried(problem)) {
                    throw ProblemException.of(problem);
                }
                pause = policy.backoff(attempt);
                if (problem.retryAfter() != null) {
                    if (problem.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
                        throw ProblemException.of(problem);
                    }
                    pause = problem.retryAfter().compareTo(pause) > 0 ? problem.retryAfter() : pause;
                }
            } catch (IOException noAnswer) {
                if (attempt >= policy.maxAttempts()) {
                    throw new TransportFailure(request.method() + " " + request.uri() + " got no answer", attempt, noAnswer);
                }
                pause = policy.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportFailure("interrupted while sending " + request.method() + " " + request.uri(), attempt, e);
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportFailure("interrupted between attempts at " + request.uri(), attempt, e);
            }
        }
    }

    private static boolean retried(ProblemException.Problem problem) {
        return problem.status() >= 500 || problem.status() == 429
                || (problem.status() == 409 && RETRIED_CONFLICTS.contains(problem.code()));
    }

    /** The problem body; an error page that is not one (a proxy's) becomes code {@code HTTP_<status>}. */
    private ProblemException.Problem problem(HttpResponse<String> response) {
        int status = response.statusCode();
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(RetryingSender::retryAfter).orElse(null);
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (IOException | RuntimeException notJson) {
            // handled below as a bare status
        }
        if (body == null || !body.path("code").isTextual()) {
            String text = response.body() == null ? "" : response.body();
            return new ProblemException.Problem(status, "HTTP_" + status, "HTTP " + status,
                    text.length() > 200 ? text.substring(0, 200) : text, Map.of(), retryAfter);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()
                    && !Set.of("type", "title", "status", "detail", "instance", "code").contains(field.getKey())) {
                properties.put(field.getKey(), field.getValue().isValueNode() ? json.convertValue(field.getValue(), Object.class)
                        : field.getValue());
            }
        });
        return new ProblemException.Problem(status, body.path("code").asText(), body.path("title").asText(null),
                body.path("detail").asText(null), properties, retryAfter);
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
