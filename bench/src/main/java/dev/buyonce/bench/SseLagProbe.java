package dev.buyonce.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live-stream probe: open the new order's event stream (on {@code watch}, which may be another node than
 * the one that places and cancels it), wait for the first {@code order} event (the current state), cancel
 * the order and time the {@code CANCELLED} event. The phase's latency gets the lag
 * from the cancel's answer; {@link #sinceSent} the lag from the moment the cancel was sent. The commit lies
 * between the two. Each client holds one stream at a time.
 */
final class SseLagProbe extends OrderProbe {
    /** A stream that shows no state, or no cancellation, by then: counted, the lag recorded at the bound. */
    static final Duration BOUND = Duration.ofSeconds(5);
    final Latency sinceSent = new Latency();
    final AtomicLong noInitialState = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong beforeAnswer = new AtomicLong();

    private final Http watch;

    SseLagProbe(BuyOnceOrders orders, Http http, Http watch) {
        super(orders, http, "sse");
        this.watch = watch;
    }

    @Override
    void follow(String orderId, String authorization, long answeredNanos, Latency latency) throws Exception {
        boolean measured = latency != null;
        try (OrderEventStream stream = OrderEventStream.open(watch, orderId, authorization)) {
            if (stream.nextOrder(null, System.nanoTime() + BOUND.toNanos()) == null) {
                count(measured, noInitialState);
                return;
            }
            long sent = System.nanoTime();
            Http.Response cancelled = http.postJson("/api/orders/" + orderId + "/cancel", "", "Authorization", authorization);
            long answered = System.nanoTime();
            if (cancelled.status() != 200 || !"CANCELLED".equals(cancelled.json().path("status").asText())) {
                count(measured, failed);
                return;
            }
            OrderEventStream.Event event = stream.nextOrder("CANCELLED", answered + BOUND.toNanos());
            long arrived = event == null ? answered + BOUND.toNanos() : event.receivedNanos();
            if (measured) {
                count(event == null, timeouts);
                count(arrived < answered, beforeAnswer);
                latency.recordBetween(answered, arrived);
                sinceSent.recordBetween(sent, arrived);
            }
        }
    }
}
