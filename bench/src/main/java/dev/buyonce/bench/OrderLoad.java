package dev.buyonce.bench;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The place-order client step: a new key per iteration, retried as {@link RetryPlan} says, answers checked; a
 * closed-loop client's step, or (through {@link #place}) an open-loop arrival.
 */
final class OrderLoad implements ClosedLoop.Step, AutoCloseable {
    /** Sentinel for {@link #place}: time each request from the moment it is sent. */
    static final long UNSCHEDULED = Long.MIN_VALUE;
    private final OrderTarget target;
    private final ExecutorService duplicates = Executors.newCachedThreadPool();
    final AtomicLong keys = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong inconsistent = new AtomicLong();

    OrderLoad(OrderTarget target) {
        this.target = target;
    }

    @Override
    public void run(int client, long iteration, Latency latency) throws Exception {
        place(client, iteration, latency, UNSCHEDULED);
    }

    /**
     * One iteration; true when every answer was a 201 or a 200. An open-loop arrival passes the moment it fell
     * due as {@code dueNanos}: its first request, and a duplicate sent with it, are then timed from that moment,
     * so the wait for a free worker counts; a retry after the answer is timed from when it is sent, as it is due
     * only then. With {@link #UNSCHEDULED} every request is timed from when it is sent (a closed loop).
     */
    boolean place(int client, long iteration, Latency latency, long dueNanos) throws Exception {
        String key = "k-" + client + "-" + iteration;
        keys.incrementAndGet();
        RetryPlan plan = RetryPlan.forIteration(iteration);
        OrderTarget.Answer first;
        OrderTarget.Answer second = null;
        switch (plan) {
            case CONCURRENT_DUPLICATE -> {
                Future<OrderTarget.Answer> duplicate = duplicates.submit(() -> timed(client, key, latency, dueNanos));
                first = timed(client, key, latency, dueNanos);
                second = duplicate.get();
            }
            case RETRY_AFTER_ANSWER -> {
                first = timed(client, key, latency, dueNanos);
                second = timed(client, key, latency, UNSCHEDULED);
            }
            default -> first = timed(client, key, latency, dueNanos);
        }
        if (latency != null) {
            tally(first, second);
        }
        return answeredAsDue(first) && (second == null || answeredAsDue(second));
    }

    private static boolean answeredAsDue(OrderTarget.Answer answer) {
        return answer.status() == 201 || answer.status() == 200;
    }

    private void tally(OrderTarget.Answer first, OrderTarget.Answer second) {
        int creations = 0;
        for (OrderTarget.Answer answer : second == null ? new OrderTarget.Answer[] {first} : new OrderTarget.Answer[] {first, second}) {
            if (answer.status() == 201) {
                creations++;
                created.incrementAndGet();
                answered.incrementAndGet();
            } else if (answer.status() == 200) {
                replayed.incrementAndGet();
                answered.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }
        boolean sameOrder = second == null || second.orderId() == null || first.orderId() == null
                || Objects.equals(first.orderId(), second.orderId());
        if (creations > 1 || !sameOrder) {
            inconsistent.incrementAndGet();
        }
    }

    private OrderTarget.Answer timed(int client, String key, Latency latency, long dueNanos) {
        long start = dueNanos == UNSCHEDULED ? System.nanoTime() : dueNanos;
        OrderTarget.Answer answer;
        try {
            answer = target.place(client, key);
        } catch (Exception e) {
            answer = new OrderTarget.Answer(-1, null);
        }
        if (latency != null) {
            latency.recordSince(start);
        }
        return answer;
    }

    @Override
    public void close() {
        duplicates.shutdownNow();
    }
}
