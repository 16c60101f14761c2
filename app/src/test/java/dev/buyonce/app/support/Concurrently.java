package dev.buyonce.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Real concurrency for "no duplicate" claims: every thread waits at a gate, then all go at once. */
public final class Concurrently {
    private Concurrently() {
    }

    public static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
        return onThreads(count, count, call);
    }

    /** {@code count} calls on {@code threads} threads (at most), all released at once; the results in call order. */
    public static <T> List<T> onThreads(int threads, int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> {
                        gate.await();
                        return call.apply(i);
                    }))
                    .toList();
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
