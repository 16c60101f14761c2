package dev.buyonce.app.crash;

import static dev.buyonce.app.payments.Payments.attemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.ledgerLines;
import static dev.buyonce.app.payments.Payments.orderStatus;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.placeOrder;
import static dev.buyonce.app.payments.Payments.startPayment;
import static java.nio.file.Files.readString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.history.History;
import dev.buyonce.history.HistoryChecker;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answered command survives kill -9 on the embedded default: the real jar acknowledges orders and a
 * payment, is killed with SIGKILL right after the last answer, and after a restart on the same data
 * directory every one of them is there. Run by failsafe after {@code package}; the children's logs are in
 * {@code target/crash-test/}.
 */
class EmbeddedCrashIT {
    private static final int ORDERS = 40;
    private static final List<String> CONSUMABLES = List.of("coffee", "credits-100");
    // so that a capture whose callback the kill cut off is found by the status check within the test's time
    private static final String STATUS_CHECK = "--buyonce.payments.status-check-after=PT1S";

    @Test
    void everyAnsweredCommandSurvivesKillMinus9(@TempDir Path dataDir) throws IOException, SQLException {
        List<String> orders = new ArrayList<>();
        History history = new History();
        JsonNode reconciliation;
        String paidOrder;
        String paymentId;
        try (PackagedJar jar = PackagedJar.start(dataDir, "before-kill", STATUS_CHECK)) {
            Api api = jar.api();
            String token = jar.demoToken();
            for (int i = 0; i < ORDERS; i++) {
                Instant sent = Instant.now();
                String orderId = placeOrder(api, token, "crash-" + i, CONSUMABLES.get(i % CONSUMABLES.size()));
                orders.add(orderId);
                history.record(new History.Op("place-order", "demo", "crash-" + i, 201,
                        "{\"orderId\":\"" + orderId + "\"}", sent, Instant.now()));
            }
            paidOrder = orders.get(ORDERS - 1);
            paymentId = startPayment(api, token, paidOrder, "crash-pay", "sandbox-card");
            Api.Response paid = pay(api, paymentId, "DELIVER", false);
            assertThat(paid.status()).as(paid.text()).isEqualTo(200);
            jar.killForcibly();
        }

        try (PackagedJar jar = PackagedJar.start(dataDir, "after-kill", STATUS_CHECK)) {
            Api api = jar.api();
            String token = jar.demoToken();
            // the history is read from the event store itself: what it lacks was lost, not merely not projected yet
            assertSoftly(softly -> {
                softly.assertThat(orders.stream().filter(id -> !placed(api, token, id)).toList())
                        .as("acknowledged orders missing from the event store after kill -9").isEmpty();
                softly.assertThat(historyTypes(api, token, paidOrder))
                        .as("the acknowledged payment attempt in its order's history").contains("PaymentRequested");
                softly.assertThat(ledgerLines(api, paymentId, "CAPTURE")).as("the sandbox's acknowledged capture")
                        .isEqualTo(1);
            });

            // the views are written with the events, so they hold whatever the event store holds
            assertThat(orders.stream().filter(id -> orderStatus(api, token, id).startsWith("HTTP")).toList())
                    .as("acknowledged orders missing from the order view").isEmpty();
            assertThat(attemptStatus(api, token, paidOrder, paymentId)).as("the attempt in the payments view")
                    .isNotEqualTo("ABSENT");
            awaitOrderStatus(api, token, paidOrder, "PAID");
            reconciliation = api.get("/api/admin/reconciliation", token).json();

            // the sandbox's webhook secret: random for this data directory, kept there, announced by place only
            Path secretFile = dataDir.resolve("sandbox-webhook-secret");
            assertThat(secretFile).isRegularFile();
            String secret = readString(secretFile).trim();
            assertThat(secret).hasSize(64).isNotEqualTo("sandbox-webhook-secret-not-for-production");
            assertThat(jar.log()).contains("webhook secret is random for this data directory").doesNotContain(secret);

            // a normal stop (SIGTERM) after all that: it exits and logs no ERROR
            assertThat(jar.stop()).as("exit code of a JVM ended by SIGTERM").isEqualTo(143);
            assertThat(jar.errorLines()).as("ERROR lines in the log of a run that ended with a normal stop").isEmpty();
        }

        // the run's requests and answers against the event store the crashed and restarted node left on disk
        try (Connection database = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("buyonce")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            HistoryChecker.Report report = HistoryChecker.check(database, history, reconciliation);
            assertThat(report.violations()).as(report.toString()).isEmpty();
            assertThat(report.counts()).containsEntry("orders acknowledged", (long) ORDERS);
        }
    }

    private static boolean placed(Api api, String token, String orderId) {
        Api.Response history = api.get("/api/orders/" + orderId + "/history", token);
        return history.status() == 200 && history.json().size() > 0
                && history.json().get(0).path("type").asText().equals("OrderPlaced")
                && history.json().get(0).path("payload").path("orderId").asText().equals(orderId);
    }

    private static List<String> historyTypes(Api api, String token, String orderId) {
        List<String> types = new ArrayList<>();
        Api.Response history = api.get("/api/orders/" + orderId + "/history", token);
        if (history.status() == 200) {
            history.json().forEach(event -> types.add(event.path("type").asText()));
        }
        return types;
    }
}
