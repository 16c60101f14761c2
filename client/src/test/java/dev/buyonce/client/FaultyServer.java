package dev.buyonce.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that answers from a script, one step per request (the last step repeats), and records
 * what it was sent. Steps can drop the connection, answer late, or answer any status, headers and body.
 */
final class FaultyServer implements AutoCloseable {
    interface Step {
        void answer(HttpExchange exchange) throws IOException;
    }

    record Received(String method, String path, String idempotencyKey, String authorization, String body) {
    }

    private final HttpServer server;
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    FaultyServer(Step... steps) throws IOException {
        script.addAll(List.of(steps));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Step step;
            synchronized (script) {
                step = script.size() > 1 ? script.poll() : script.peek();
            }
            step.answer(exchange);
        });
        // a thread per exchange: a late answer must not hold back the retry that follows it
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Closes the connection without a byte of answer: the server's handler fails, so the server drops it. */
    static Step drop() {
        return exchange -> {
            throw new IOException("test: dropping the connection");
        };
    }

    static Step json(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    static Step problem(int status, String code, String... headers) {
        return json(status, "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"d\",\"code\":\"" + code
                + "\",\"orderId\":\"o-1\"}", headers);
    }

    /** Answers only after {@code millis}: longer than the client's request timeout, this is a timeout. */
    static Step late(long millis, Step then) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            then.answer(exchange);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
