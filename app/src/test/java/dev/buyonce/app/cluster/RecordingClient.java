package dev.buyonce.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.history.History;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A client as a careful user's code behaves: it places an order under one Idempotency-Key and, when it gets no
 * answer, a 5xx, or a "still in flight" conflict, sends the same request with the same key again until it is
 * answered. Every request and answer goes into the run's {@link History}.
 */
final class RecordingClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Answers after which the same request is sent again. */
    private static final Set<String> RETRIED_CODES = Set.of("IDEMPOTENCY_KEY_IN_USE", "CONFLICT", "RATE_LIMITED",
            "INTERNAL_ERROR", "PROVIDER_UNAVAILABLE");
    private final int port;
    private final History history;

    RecordingClient(int port, History history) {
        this.port = port;
        this.history = history;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    /** One attempt; status 0 when no answer arrived. */
    Answer placeOnce(String user, String key, String body) {
        return send("place-order", user, key, "POST", "/api/orders", body);
    }

    /** Sends until answered with something other than "try again", or until {@code giveUpAt}; the last answer. */
    Answer placeRetrying(String user, String key, String body, Instant giveUpAt) throws InterruptedException {
        return retrying(() -> placeOnce(user, key, body), giveUpAt);
    }

    /** Claims {@code couponId} with {@code key} until answered with something other than "try again". */
    Answer claimRetrying(String user, String key, String couponId, Instant giveUpAt) throws InterruptedException {
        return retrying(() -> send("claim-coupon", user, key, "POST", "/api/coupons/" + couponId + "/claims", null),
                giveUpAt);
    }

    private static Answer retrying(java.util.function.Supplier<Answer> attempt, Instant giveUpAt)
            throws InterruptedException {
        while (true) {
            Answer answer = attempt.get();
            if (!retried(answer) || Instant.now().isAfter(giveUpAt)) {
                return answer;
            }
            Thread.sleep(100);
        }
    }

    Answer send(String kind, String user, String key, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Tokens.user(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        Instant started = Instant.now();
        Answer answer;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            answer = new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(0, "interrupted");
        }
        history.record(new History.Op(kind, user, key, answer.status(), answer.body(), started, Instant.now()));
        return answer;
    }

    static boolean retried(Answer answer) {
        return answer.status() == 0 || answer.status() >= 500
                || RETRIED_CODES.contains(answer.json().path("code").asText());
    }
}
