package dev.buyonce.app.limits;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 260 unauthenticated clients trickle a provider-callback body (one byte every 500 ms) and 20 signed-in
 * clients trickle an order, more connections than Tomcat has workers (200). With a 1 s read deadline, health
 * and a new order keep answering at once meanwhile, and every trickler is answered 408 REQUEST_TIMEOUT or cut off.
 */
class SlowClientsTest {
    static final int WEBHOOK_TRICKLERS = 260;
    static final int ORDER_TRICKLERS = 20;
    static final long PROMPT_MS = 2_000;
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.onPostgres(TestDatabase.fresh(), Map.of(
                "buyonce.payments.sandbox.enabled", "true",
                "buyonce.limits.body-read-deadline", "PT1S"));
        api = node.api();
        TestCatalog.define(api);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void tricklingClientsGetATimeoutAndNeverStallOtherRequests() throws Exception {
        String token = Tokens.user(newUser("patient"));
        // warm: the first order on a fresh node pays for class loading, not for anything the tricklers do
        assertThat(api.placeOrder(token, "warm-up", order(COFFEE, 1)).status()).isEqualTo(201);
        List<Trickler> tricklers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newScheduledThreadPool(2);
        try {
            for (int i = 0; i < WEBHOOK_TRICKLERS; i++) {
                tricklers.add(new Trickler("/api/payments/notifications/sandbox", null));
            }
            for (int i = 0; i < ORDER_TRICKLERS; i++) {
                tricklers.add(new Trickler("/api/orders", token));
            }
            drip.scheduleAtFixedRate(() -> tricklers.forEach(Trickler::drip), 0, 500, TimeUnit.MILLISECONDS);

            long slowest = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            int round = 0;
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                Api.Response health = api.get("/actuator/health", null);
                Api.Response placed = api.placeOrder(token, "meanwhile-" + round++, order(COFFEE, 1));
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(health.status()).isEqualTo(200);
                assertThat(placed.status()).as(placed.text()).isEqualTo(201);
                assertThat(took).as("health and an order while %d clients trickle", tricklers.size()).isLessThan(PROMPT_MS);
                slowest = Math.max(slowest, took);
                Thread.sleep(100);
            }
            drip.shutdownNow();
            int timedOut = 0;
            int cutOff = 0;
            for (Trickler trickler : tricklers) {
                String answer = trickler.answer();
                if (answer == null) {
                    cutOff++;
                } else {
                    assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"REQUEST_TIMEOUT\"");
                    timedOut++;
                }
            }
            System.out.printf("slow clients: %d answered 408, %d cut off; slowest health + order meanwhile %d ms over %d rounds%n",
                    timedOut, cutOff, slowest, round);
            assertThat(timedOut).as("most tricklers see the 408 before the connection closes").isGreaterThan(tricklers.size() / 2);
        } finally {
            drip.shutdownNow();
            tricklers.forEach(Trickler::close);
        }
    }

    /** A raw connection that sent its headers and then sends its body one byte per drip. */
    private static final class Trickler {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private volatile boolean broken;

        Trickler(String path, String token) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            socket.setSoTimeout(5_000);
            out = socket.getOutputStream();
            String headers = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\nIdempotency-Key: slow\r\n")
                    + "Content-Length: 100\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void drip() {
            if (broken) {
                return;
            }
            try {
                out.write(' ');
                out.flush();
            } catch (IOException closedByServer) {
                broken = true;
            }
        }

        /** What the server answered, or null when it closed the connection without an answer. */
        String answer() {
            try {
                InputStream in = socket.getInputStream();
                byte[] received = in.readNBytes(4096);
                return received.length == 0 ? null : new String(received, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
