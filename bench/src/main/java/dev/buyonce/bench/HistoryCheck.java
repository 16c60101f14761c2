package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.history.History;
import dev.buyonce.history.HistoryChecker;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After the scenarios: the history checker over the event log the whole run left in BuyOnce's database (one
 * order per key, no permanent product twice, no seat twice, no order with two captures, reconciliation empty).
 * A benchmark whose speed came from breaking a guarantee would show here.
 */
final class HistoryCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryCheck() {
    }

    static Map<String, Object> run(BenchContext context) throws Exception {
        Http.Response answer = context.buyOnce().http().get("/api/admin/reconciliation",
                "Authorization", context.adminAuthorization());
        JsonNode reconciliation = answer.status() == 200 ? JSON.readTree(answer.body()) : null;
        HistoryChecker.Report report;
        try (Connection database = context.buyOnce().db().connect()) {
            report = HistoryChecker.check(database, new History(), reconciliation);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clean", report.clean() && reconciliation != null);
        result.put("violations", report.violations().subList(0, Math.min(20, report.violations().size())));
        result.put("counts", report.counts());
        result.put("reconciliation_status", answer.status());
        return result;
    }
}
