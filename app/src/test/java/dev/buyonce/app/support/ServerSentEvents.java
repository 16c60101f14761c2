package dev.buyonce.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real text/event-stream client: collects {@code event:}/{@code data:} pairs as they arrive. */
public final class ServerSentEvents implements AutoCloseable {
    public record Event(String name, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final CompletableFuture<HttpResponse<InputStream>> response;

    public ServerSentEvents(int port, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        response.thenAcceptAsync(r -> {
            String name = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, JSON.readTree(line.substring(5).trim())));
                    }
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        });
    }

    public int status() throws Exception {
        return response.get(20, TimeUnit.SECONDS).statusCode();
    }

    /** The next event, or an assertion error after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no server-sent event within " + timeout);
        }
        return event;
    }

    @Override
    public void close() throws IOException {
        if (response.isDone() && !response.isCompletedExceptionally()) {
            response.join().body().close();
        } else {
            response.cancel(true);
        }
    }
}
