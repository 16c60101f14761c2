package dev.buyonce.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the measured services and databases are, as bench/run.sh started them. Passed as
 * {@code --name=value} arguments so the generator never guesses a port or a database.
 */
record BenchConfig(boolean quick, String buyOnceUrl, String crudUrl, String buyOnceDb, String crudDb, String rawDb,
                   String jwtSecret, long buyOncePid, long crudPid, String commit, String output, String only) {

    static BenchConfig parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return new BenchConfig(Boolean.parseBoolean(values.getOrDefault("quick", "false")),
                require(values, "buyonce-url"), require(values, "crud-url"), require(values, "buyonce-db"),
                require(values, "crud-db"), require(values, "raw-db"), require(values, "jwt-secret"),
                Long.parseLong(values.getOrDefault("buyonce-pid", "0")), Long.parseLong(values.getOrDefault("crud-pid", "0")),
                values.getOrDefault("commit", "unknown"),
                values.getOrDefault("output", "bench/results/latest.json"), values.getOrDefault("only", ""));
    }

    private static String require(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    /** Whether this run includes the scenario: all do, unless {@code --only=name} picked one (for profiling). */
    boolean includes(String scenario) {
        return only.isBlank() || only.equals(scenario);
    }

    /** The quick value in quick mode, the full one otherwise. */
    <T> T pick(T quickValue, T fullValue) {
        return quick ? quickValue : fullValue;
    }
}
