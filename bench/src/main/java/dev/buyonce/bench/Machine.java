package dev.buyonce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were taken on: CPU, memory, JVM, PostgreSQL, and how busy the machine was. */
final class Machine {

    static Map<String, Object> describe(Database anyDatabase, boolean quick) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_mb", Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim()) / 1024);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            machine.put("postgresql", anyDatabase.text("SHOW server_version"));
        } catch (Exception e) {
            machine.put("postgresql", "unknown");
        }
        machine.put("load_average_at_start", loadAverage());
        machine.put("mode", quick ? "quick" : "full");
        machine.put("taken_at", Instant.now().toString());
        return machine;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
