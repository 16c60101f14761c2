package dev.buyonce.bench;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The place-order client step: a new key per iteration, retried as {@link RetryPlan} says, answers checked. */
final class OrderLoad implements ClosedLoop.Step, AutoCloseable {
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
        String key = "k-" + client + "-" + iteration;
        keys.incrementAndGet();
        RetryPlan plan = RetryPlan.forIteration(iteration);
        OrderTarget.Answer first;
        OrderTarget.Answer second = null;
        switch (plan) {
            case CONCURRENT_DUPLICATE -> {
                Future<OrderTarget.Answer> duplicate = duplicates.submit(() -> timed(client, key, latency));
                first = timed(client, key, latency);
                second = duplicate.get();
            }
            case RETRY_AFTER_ANSWER -> {
                first = timed(client, key, latency);
                second = timed(client, key, latency);
            }
            default -> first = timed(client, key, latency);
        }
        if (latency != null) {
            tally(first, second);
        }
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

    private OrderTarget.Answer timed(int client, String key, Latency latency) {
        long start = System.nanoTime();
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
