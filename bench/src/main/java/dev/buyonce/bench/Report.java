package dev.buyonce.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's results as a markdown table (for people) and as latest.json (for tools and history). */
final class Report {
    private static final List<String> COMMON = List.of("name", "throughput", "p50_ms", "p99_ms");

    static String markdown(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("""
                | scenario | throughput (/s) | p50 ms | p99 ms | other fields |
                |---|---:|---:|---:|---|
                """);
        for (ScenarioResult result : results) {
            String others = result.fields().entrySet().stream()
                    .filter(field -> !COMMON.contains(field.getKey()))
                    .map(field -> field.getKey() + "=" + field.getValue())
                    .collect(Collectors.joining(", "));
            table.append("| ").append(result.name())
                    .append(" | ").append(cell(result.get("throughput")))
                    .append(" | ").append(cell(result.get("p50_ms")))
                    .append(" | ").append(cell(result.get("p99_ms")))
                    .append(" | ").append(others).append(" |\n");
        }
        return table.toString();
    }

    static void writeJson(Path file, Map<String, Object> machine, String commit, List<ScenarioResult> results)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("commit", commit);
        document.put("scenarios", results.stream().map(ScenarioResult::fields).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(partial.toFile(), document);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString();
    }
}
