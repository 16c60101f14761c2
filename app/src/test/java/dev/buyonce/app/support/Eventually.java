package dev.buyonce.app.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits, with a deadline, for an eventually consistent view to show what a test expects. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }

    public static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        return await(what, Duration.ofSeconds(20), probe, done);
    }
}
