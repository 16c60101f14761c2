package dev.buyonce.bench;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A probe client's step: place an order under a key of its own and, once the 201 is in, follow it up (read
 * it back, watch its stream). It counts only in the measured phase, where {@link ClosedLoop} passes a latency.
 */
abstract class OrderProbe implements ClosedLoop.Step {
    private final BuyOnceOrders orders;
    private final String keyPrefix;
    final Http http;
    final AtomicLong created = new AtomicLong();
    /** Answers other than the one due, and I/O errors. */
    final AtomicLong failed = new AtomicLong();

    OrderProbe(BuyOnceOrders orders, Http http, String keyPrefix) {
        this.orders = orders;
        this.http = http;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public final void run(int client, long iteration, Latency latency) throws Exception {
        boolean measured = latency != null;
        try {
            OrderTarget.Answer answer = orders.place(client, keyPrefix + "-" + client + "-" + iteration);
            long answered = System.nanoTime();
            if (answer.status() != 201) {
                count(measured, failed);
                return;
            }
            count(measured, created);
            follow(answer.orderId(), orders.authorization(client), answered, latency);
        } catch (UncheckedIOException | ExecutionException ioError) {
            count(measured, failed);
        }
    }

    /** Follows up the order just placed, whose 201 was read at {@code answeredNanos}; {@code latency} is null in the warm-up. */
    abstract void follow(String orderId, String authorization, long answeredNanos, Latency latency) throws Exception;

    static void count(boolean when, AtomicLong counter) {
        if (when) {
            counter.incrementAndGet();
        }
    }
}
