package dev.buyonce.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples {@code GET /api/admin/projections} once a second for as long as the load runs and keeps, per event
 * processor and over all of them, the largest lag seen in events and in seconds. A sample that fails is
 * counted, not fatal; one that takes longer than a second delays the next.
 */
final class ProcessorLag implements AutoCloseable {
    private final ProjectionAdmin admin;
    private final long endNanos;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Max> perProcessor = new TreeMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong failedSamples = new AtomicLong();
    /** The largest lag in events of the newest sample: near the maximum, the lag grew all through the load. */
    private volatile long lastSampleEvents;
    private volatile boolean lagEventsReported = true;
    private volatile boolean lagSecondsReported = true;

    /** The largest lag of one processor; seconds stay negative while the build reports none. */
    private static final class Max {
        String kind;
        long events;
        double seconds = -1;
    }

    /** Starts sampling now, for {@code load}: probes still finishing after the load must not see the views catch up. */
    ProcessorLag(ProjectionAdmin admin, Duration load) {
        this.admin = admin;
        this.endNanos = System.nanoTime() + load.toNanos();
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        if (System.nanoTime() > endNanos) {
            return;
        }
        try {
            long largest = 0;
            for (ProjectionAdmin.Projection p : admin.all()) {
                largest = Math.max(largest, p.lagEvents());
                lagEventsReported &= p.reportedLagEvents().isPresent();
                lagSecondsReported &= p.lagSeconds().isPresent();
                synchronized (perProcessor) {
                    Max max = perProcessor.computeIfAbsent(p.name(), name -> new Max());
                    max.kind = p.kind();
                    max.events = Math.max(max.events, p.lagEvents());
                    max.seconds = Math.max(max.seconds, p.lagSeconds().orElse(-1));
                }
            }
            lastSampleEvents = largest;
            samples.incrementAndGet();
        } catch (RuntimeException failed) {
            failedSamples.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown(); // a sample in flight finishes; no new one starts
        sampler.awaitTermination(35, TimeUnit.SECONDS);
    }

    /** The report's lag fields: largest over all processors and samples, then each processor's largest. */
    void report(ScenarioResult result) {
        Map<String, Object> each = new LinkedHashMap<>();
        long maxEvents = 0;
        double maxSeconds = -1;
        synchronized (perProcessor) {
            for (Map.Entry<String, Max> entry : perProcessor.entrySet()) {
                Max max = entry.getValue();
                maxEvents = Math.max(maxEvents, max.events);
                maxSeconds = Math.max(maxSeconds, max.seconds);
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("kind", max.kind);
                fields.put("lag_events", max.events);
                fields.put("lag_seconds", lagSecondsReported ? ScenarioResult.round(max.seconds, 3) : "absent");
                each.put(entry.getKey(), fields);
            }
        }
        result.with("max_lag_events", maxEvents)
                .with("max_lag_seconds", lagSecondsReported && maxSeconds >= 0 ? maxSeconds : "absent")
                .with("last_sample_lag_events", lastSampleEvents)
                .with("lag_samples", samples.get())
                .with("lag_samples_failed", failedSamples.get())
                .with("max_lag_per_processor", each);
        List<String> notes = new ArrayList<>();
        if (!lagEventsReported) {
            notes.add("no lagEvents in this build's answer: lag_events is head - position");
        }
        if (!lagSecondsReported) {
            notes.add("no lagSeconds in this build's answer");
        }
        if (!notes.isEmpty()) {
            result.with("note_lag", String.join("; ", notes));
        }
    }

    /** Whether the largest lag in seconds was within {@code seconds}; null where no sample reported one. */
    Boolean withinSeconds(double seconds) {
        if (!lagSecondsReported || samples.get() == 0) {
            return null;
        }
        synchronized (perProcessor) {
            return perProcessor.values().stream().allMatch(m -> m.seconds <= seconds);
        }
    }
}
