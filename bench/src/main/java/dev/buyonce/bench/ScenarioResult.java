package dev.buyonce.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the report: a name, the three common numbers, then the scenario's own fields, in order. */
final class ScenarioResult {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ScenarioResult(String name) {
        fields.put("name", name);
    }

    static ScenarioResult named(String name) {
        return new ScenarioResult(name);
    }

    /** Throughput per second and the latency percentiles of {@code latency}. */
    ScenarioResult measured(double throughput, Latency latency) {
        return with("throughput", round(throughput, 1))
                .with("p50_ms", latency.p50Millis())
                .with("p99_ms", latency.p99Millis());
    }

    ScenarioResult with(String field, Object value) {
        fields.put(field, value instanceof Double d ? round(d, 3) : value);
        return this;
    }

    String name() {
        return (String) fields.get("name");
    }

    Object get(String field) {
        return fields.get(field);
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
