package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code GET /api/orders/{id}/events}: parses the server-sent events as their lines arrive and
 * stamps each with the moment its closing blank line came in. Closing it drops the connection.
 */
final class OrderEventStream implements Flow.Subscriber<String>, AutoCloseable {

    /** One event: its name, the order it carried, and when it arrived ({@link System#nanoTime()}). */
    record Event(String name, JsonNode order, long receivedNanos) {
    }

    private static final Event END = new Event("", null, 0);
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder data = new StringBuilder();
    private String name = "message";
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;

    /** A stream not yet connected: {@link #open} connects one; tests feed lines to it. */
    OrderEventStream() {
    }

    static OrderEventStream open(Http http, String orderId, String authorization) {
        OrderEventStream stream = new OrderEventStream();
        http.streamLines(http.request("/api/orders/" + orderId + "/events",
                "Authorization", authorization, "Accept", "text/event-stream").GET().build(), stream);
        return stream;
    }

    /**
     * The next {@code order} event whose order has {@code status} (any status when null), skipping others;
     * null once {@code deadlineNanos} passed or the stream ended (a refusal such as 404 ends it at once).
     */
    Event nextOrder(String status, long deadlineNanos) throws InterruptedException {
        while (true) {
            Event event = events.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null || event == END) {
                return null;
            }
            if ("order".equals(event.name()) && (status == null || status.equals(event.order().path("status").asText()))) {
                return event;
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (closed) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    /** One line of the stream (text/event-stream: {@code field:value} lines, a blank line ends an event). */
    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            if (!data.isEmpty()) {
                dispatch(System.nanoTime());
            }
            return;
        }
        int colon = line.indexOf(':');
        if (colon == 0) {
            return; // a comment: the server's keep-alive
        }
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data.append(data.isEmpty() ? "" : "\n").append(value);
        }
    }

    private void dispatch(long receivedNanos) {
        JsonNode order;
        try {
            order = Http.JSON.readTree(data.toString());
        } catch (IOException notJson) {
            order = Http.JSON.missingNode();
        }
        events.add(new Event(name, order, receivedNanos));
        name = "message";
        data.setLength(0);
    }

    @Override
    public void onError(Throwable error) {
        events.add(END);
    }

    @Override
    public void onComplete() {
        events.add(END);
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
