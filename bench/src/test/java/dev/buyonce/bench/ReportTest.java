package dev.buyonce.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private final Latency latency = new Latency();
    private final List<ScenarioResult> results;

    ReportTest() {
        latency.recordSince(System.nanoTime() - 2_000_000);
        results = List.of(ScenarioResult.named("place-order").measured(123.456, latency).with("duplicates", 0L),
                ScenarioResult.named("memory").with("peak_rss_mb", 400.5));
    }

    @Test
    void tableHasOneRowPerResultWithTheScenarioFieldsLast() {
        String table = Report.markdown(results);

        assertTrue(table.contains("| place-order | 123.5 | 2."), table);
        assertTrue(table.contains("| duplicates=0 |"), table);
        assertTrue(table.contains("| memory |  |  |  | peak_rss_mb=400.5 |"), table);
    }

    @Test
    void jsonNamesMachineCommitAndScenarios(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latest.json");

        Report.writeJson(file, Map.of("cores", 2), "abc123", results);

        JsonNode json = Http.JSON.readTree(Files.readString(file));
        assertEquals(2, json.path("machine").path("cores").asInt());
        assertEquals("abc123", json.path("commit").asText());
        JsonNode first = json.path("scenarios").get(0);
        assertEquals("place-order", first.path("name").asText());
        assertEquals(123.5, first.path("throughput").asDouble());
        assertTrue(first.path("p99_ms").asDouble() >= 2.0);
        assertEquals(0, first.path("duplicates").asInt());
    }
}
