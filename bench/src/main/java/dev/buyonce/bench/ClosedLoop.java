package dev.buyonce.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * N clients, each sending its next request when the previous one is answered: a warm-up that is not
 * recorded, then a measured phase. Both phases are bounded in time and in requests per client; a measured
 * phase may also end once the work it was given is done ({@link #measureUntil}).
 */
final class ClosedLoop {

    /** One request (or request group) of one client; records its own latencies when {@code latency} is set. */
    interface Step {
        void run(int client, long iteration, Latency latency) throws Exception;
    }

    record Outcome(long iterations, Duration elapsed) {
        double perSecond(long count) {
            return count / (elapsed.toNanos() / 1e9);
        }
    }

    /** Warm-up iterations are numbered from here, so they never reuse a measured iteration's number. */
    static final long WARM_UP_ITERATIONS = 1_000_000_000L;
    private final int clients;
    private final Duration warmUp;
    private final Duration measure;
    private final long maxIterationsPerClient;

    ClosedLoop(int clients, Duration warmUp, Duration measure, long maxIterationsPerClient) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.measure = measure;
        this.maxIterationsPerClient = maxIterationsPerClient;
    }

    /** Runs the warm-up, then the measured phase, recording into {@code latency}. */
    Outcome run(Step step, Latency latency) throws Exception {
        warmUp(step);
        return measure(step, latency);
    }

    Outcome warmUp(Step step) throws Exception {
        return phase(step, null, warmUp, WARM_UP_ITERATIONS, () -> false);
    }

    Outcome measure(Step step, Latency latency) throws Exception {
        return measureUntil(step, latency, () -> false);
    }

    /** The measured phase, ended early once {@code finished} says so (asked before every iteration). */
    Outcome measureUntil(Step step, Latency latency, BooleanSupplier finished) throws Exception {
        return phase(step, latency, measure, 0, finished);
    }

    private Outcome phase(Step step, Latency latency, Duration length, long firstIteration, BooleanSupplier finished)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Future<Long>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    long i = 0;
                    while (System.nanoTime() < deadline && i < maxIterationsPerClient && !finished.getAsBoolean()) {
                        step.run(client, firstIteration + i, latency);
                        i++;
                    }
                    return i;
                }));
            }
            long iterations = 0;
            for (Future<Long> f : done) {
                iterations += f.get(length.toSeconds() + 120, TimeUnit.SECONDS);
            }
            return new Outcome(iterations, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }
}
