package dev.buyonce.saga.sandbox;

import dev.buyonce.saga.PaymentSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.DeterministicIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Delivers capture notifications to our webhook over real HTTP on the local server port, re-signed at each
 * attempt and re-sent until a 2xx answer, a bounded number of times (then the status check finds the payment).
 */
@Component
@ConditionalOnProperty(name = "buyonce.payments.sandbox.enabled", havingValue = "true")
class SandboxNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-notifier");
        thread.setDaemon(true);
        return thread;
    });
    private final SandboxSignature signature;
    private final ObjectMapper json;
    private final Environment environment;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final String notifyUrl;

    SandboxNotifier(PaymentSettings settings, ObjectMapper json, Environment environment, Clock clock) {
        this.signature = new SandboxSignature(settings.sandbox().webhookSecret());
        this.json = json;
        this.environment = environment;
        this.clock = clock;
        this.maxAttempts = settings.sandbox().deliveryAttempts();
        this.firstRetry = settings.sandbox().firstRetry();
        this.notifyUrl = settings.sandbox().notifyUrl();
    }

    /** Sends {@code copies} deliveries of the capture's notification, all with the same event id. */
    void notifyCaptured(SandboxBank.Capture capture, int copies) {
        SandboxNotice notice = new SandboxNotice(
                "evt_" + DeterministicIds.of("sandbox-notification", capture.paymentId().toString(), SandboxNotice.CAPTURED),
                SandboxNotice.CAPTURED, capture.paymentId().toString(), capture.orderId().toString(),
                new SandboxNotice.Amount(capture.amount().amount().toPlainString(), capture.amount().currency()),
                capture.capturedAt().toString());
        String body;
        try {
            body = json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox notice not writable", e);
        }
        for (int i = 0; i < copies; i++) {
            executor.execute(() -> deliver(body, 1));
        }
    }

    /** The configured address (a balancer, say), or this node. */
    private String target() {
        if (!notifyUrl.isEmpty()) {
            return notifyUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    private void deliver(String body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target() + "/api/payments/notifications/sandbox"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(SandboxSignature.HEADER, signature.sign(body, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (attempt >= maxAttempts || executor.isShutdown()) {
            log.warn("sandbox gave up delivering a notification after {} attempts (last status {})", attempt, status);
            return;
        }
        long delay = firstRetry.toMillis() << Math.min(attempt - 1, 10);
        executor.schedule(() -> deliver(body, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
