package dev.buyonce.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the measured services and databases are, as bench/run.sh started them: {@code --name=value}
 * arguments, so the generator never guesses a port or a database.
 */
record BenchConfig(Map<String, String> values) {

    static BenchConfig parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return new BenchConfig(Map.copyOf(values));
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    boolean quick() {
        return Boolean.parseBoolean(values.getOrDefault("quick", "false"));
    }

    /** The process id passed as {@code --<name>-pid}, or 0 where none was. */
    long pid(String name) {
        return Long.parseLong(values.getOrDefault(name + "-pid", "0"));
    }

    String commit() {
        return values.getOrDefault("commit", "unknown");
    }

    String output() {
        return values.getOrDefault("output", "bench/results/latest.json");
    }

    /**
     * The freshness scenario's paced rate as a fraction of the capacity it measured, {@code --freshness-load=};
     * 0.5 unless given. Above 1 is allowed, to see what an unsustainable rate does.
     */
    double freshnessLoad() {
        String value = values.getOrDefault("freshness-load", "0.5");
        double fraction;
        try {
            fraction = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            fraction = Double.NaN;
        }
        if (!(fraction > 0 && fraction <= 2)) {
            throw new IllegalArgumentException("--freshness-load takes a fraction of the capacity, above 0 and at most 2; got " + value);
        }
        return fraction;
    }

    /** Whether this run includes the scenario: all do, unless {@code --only=name} picked one (for profiling). */
    boolean includes(String scenario) {
        String only = values.getOrDefault("only", "");
        return only.isBlank() || only.equals(scenario);
    }

    /** The quick value in quick mode, the full one otherwise. */
    <T> T pick(T quickValue, T fullValue) {
        return quick() ? quickValue : fullValue;
    }
}
