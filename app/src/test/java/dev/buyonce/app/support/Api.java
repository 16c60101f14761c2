package dev.buyonce.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client against a running BuyOnce: requests go over the loopback, as a client's would. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final int port;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public record Response(int status, Map<String, String> headers, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String code() {
            return json().path("code").asText(null);
        }
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Response get(String path, String token) {
        return call("GET", path).token(token).send();
    }

    public Response post(String path, String token, String body) {
        return call("POST", path).token(token).json(body).send();
    }

    public Response placeOrder(String token, String key, String body) {
        return call("POST", "/api/orders").token(token).idempotencyKey(key).json(body).send();
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call idempotencyKey(String key) {
            return key == null ? this : header("Idempotency-Key", key);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String text) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            header("Content-Type", contentType);
            body = publisher;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> received = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> received.put(name.toLowerCase(), String.join(",", values)));
                return new Response(response.statusCode(), received, response.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
