package dev.buyonce.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop generator: arrivals fall due at a fixed rate whether or not the earlier ones have been answered.
 * The calling thread paces them and hands each, with the moment it fell due, to a pool of workers; a free worker
 * runs it at once. The arrival times its requests from that due moment, not from when a worker got to it, so a
 * late start counts against the latency (no coordinated omission). An arrival that had not started
 * {@code lateBound} after it fell due is counted late. A late start means that every worker was busy
 * ({@link Outcome#maxBusyWorkers} then reaches the pool's size), a sign the rate was not sustained, or that this
 * machine did not give the generator's threads the CPU in time; those the pacing thread itself handed out over
 * {@code lateBound} late are also counted apart ({@link Outcome#latePacer}). Arrivals still waiting when the phase ends are not sent; they are
 * counted as not started (and as late, if they were).
 */
final class OpenLoop {

    /** One arrival, run by worker {@code worker} (0 to workers - 1); true when it was answered as due. */
    interface Arrival {
        boolean run(int worker, long iteration, long dueNanos) throws Exception;
    }

    /**
     * What one phase did. {@code answered} counts arrivals whose answers were all as due, {@code failed} the
     * others (an exception included); {@code late} counts the late starts, {@code latePacer} those of them the
     * pacing thread handed out late already; {@code elapsed} runs from the first due moment to the last answer.
     */
    record Outcome(long due, long started, long answered, long failed, long late, long latePacer, long notStarted,
                   double maxStartDelayMillis, int maxBusyWorkers, Duration elapsed) {
        double perSecond(long count) {
            return count / (elapsed.toNanos() / 1e9);
        }
    }

    /** An arrival: its number, when it fell due and when the pacing thread handed it out. */
    private record Due(long iteration, long nanos, long handedOutNanos) {
    }

    private static final Due STOP = new Due(-1, 0, 0);
    private final double perSecond;
    private final int workers;
    private final Duration length;
    private final Duration lateBound;

    OpenLoop(double perSecond, int workers, Duration length, Duration lateBound) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("an open loop needs a rate above 0, got " + perSecond);
        }
        this.perSecond = perSecond;
        this.workers = workers;
        this.length = length;
        this.lateBound = lateBound;
    }

    /** Runs arrivals numbered from 0 at the rate for the phase's length, then waits for those started to end. */
    Outcome run(Arrival arrival) throws Exception {
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        AtomicLong started = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicLong latePacer = new AtomicLong();
        AtomicLong maxDelay = new AtomicLong();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger maxBusy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                pool.submit(() -> {
                    for (Due due = queue.take(); due != STOP; due = queue.take()) {
                        long delay = System.nanoTime() - due.nanos();
                        started.incrementAndGet();
                        maxDelay.accumulateAndGet(delay, Math::max);
                        if (delay > lateBound.toNanos()) {
                            late.incrementAndGet();
                            if (due.handedOutNanos() - due.nanos() > lateBound.toNanos()) {
                                latePacer.incrementAndGet();
                            }
                        }
                        maxBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
                        try {
                            (arrival.run(worker, due.iteration(), due.nanos()) ? answered : failed).incrementAndGet();
                        } catch (InterruptedException interrupted) {
                            throw interrupted;
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        } finally {
                            busy.decrementAndGet();
                        }
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            long end = start + length.toNanos();
            long due = 0;
            for (long i = 0; ; i++) {
                long at = start + Math.round(i * 1e9 / perSecond);
                if (at >= end) {
                    break;
                }
                for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                // behind schedule (the pacing thread got no CPU), the overdue arrivals go out at once, still
                // carrying the moments they fell due
                queue.add(new Due(i, at, System.nanoTime()));
                due++;
            }
            for (long wait = end - System.nanoTime(); wait > 0; wait = end - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            List<Due> unsent = new ArrayList<>();
            queue.drainTo(unsent);
            long now = System.nanoTime();
            for (Due d : unsent) {
                if (now - d.nanos() > lateBound.toNanos()) {
                    late.incrementAndGet();
                    if (d.handedOutNanos() - d.nanos() > lateBound.toNanos()) {
                        latePacer.incrementAndGet();
                    }
                }
            }
            for (int w = 0; w < workers; w++) {
                queue.add(STOP);
            }
            pool.shutdown();
            if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("open-loop arrivals still running 120 s after the phase ended");
            }
            return new Outcome(due, started.get(), answered.get(), failed.get(), late.get(), latePacer.get(), unsent.size(),
                    ScenarioResult.round(maxDelay.get() / 1e6, 3), maxBusy.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }
}
