package dev.buyonce.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/** Response times of one measured phase, recorded in microseconds by many threads at once. */
final class Latency {
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);

    void recordSince(long startNanos) {
        recordBetween(startNanos, System.nanoTime());
    }

    /** Records the time from start to end; an end before the start (an event that overtook the answer it follows) counts as 0. */
    void recordBetween(long startNanos, long endNanos) {
        histogram.recordValue(TimeUnit.NANOSECONDS.toMicros(Math.max(0, endNanos - startNanos)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50Millis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    double maxMillis() {
        return ScenarioResult.round(histogram.getMaxValue() / 1000.0, 3);
    }

    private double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : ScenarioResult.round(histogram.getValueAtPercentile(percentile) / 1000.0, 3);
    }
}
