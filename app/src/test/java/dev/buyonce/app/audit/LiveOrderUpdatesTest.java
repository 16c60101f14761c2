package dev.buyonce.app.audit;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static dev.buyonce.app.support.TestCatalog.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.CapturedLog;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.ServerSentEvents;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.order.FindOrderQuery;
import java.time.Duration;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A buyer's UI sees at once what happens to the order, so nobody clicks "buy" again in the dark. */
class LiveOrderUpdatesTest {
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
    }

    @Test
    void theStreamStartsWithTheCurrentOrderAndThenShowsEachChange() throws Exception {
        String token = Tokens.user(newUser("watcher"));
        String orderId = node.api().placeOrder(token, "k", order(COFFEE, 1)).json().path("orderId").asText();

        try (ServerSentEvents stream = new ServerSentEvents(port(), "/api/orders/" + orderId + "/events", token)) {
            assertThat(stream.status()).isEqualTo(200);
            ServerSentEvents.Event first = stream.next(Duration.ofSeconds(20));
            assertThat(first.name()).isEqualTo("order");
            assertThat(first.data().path("orderId").asText()).isEqualTo(orderId);
            assertThat(first.data().path("status").asText()).isEqualTo("AWAITING_PAYMENT");

            node.api().post("/api/orders/" + orderId + "/cancel", token, "");

            ServerSentEvents.Event change = stream.next(Duration.ofSeconds(20));
            assertThat(change.name()).isEqualTo("order");
            assertThat(change.data().path("status").asText()).isEqualTo("CANCELLED");
        }

        try (ServerSentEvents reconnect = new ServerSentEvents(port(), "/api/orders/" + orderId + "/events", token)) {
            assertThat(reconnect.next(Duration.ofSeconds(20)).data().path("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aPaidOrderShowsAwaitingPaymentThenPaid() throws Exception {
        String token = Tokens.user(newUser("buyer"));
        String orderId = node.api().placeOrder(token, "k", order(COFFEE, 1)).json().path("orderId").asText();
        String paymentId = Payments.startPayment(node.api(), token, orderId, "p", "sandbox-card");

        try (ServerSentEvents stream = new ServerSentEvents(port(), "/api/orders/" + orderId + "/events", token)) {
            assertThat(stream.next(Duration.ofSeconds(20)).data().path("status").asText()).isEqualTo("AWAITING_PAYMENT");

            Payments.pay(node.api(), paymentId, "DELIVER", false);

            assertThat(stream.next(Duration.ofSeconds(20)).data().path("status").asText()).isEqualTo("PAID");
        }
    }

    @Test
    void aClientThatGoesAwayIsCleanedUp() throws Exception {
        String token = Tokens.user(newUser("leaver"));
        String orderId = node.api().placeOrder(token, "k", order(COFFEE, 1)).json().path("orderId").asText();
        QueryUpdateEmitter emitter = node.bean(QueryUpdateEmitter.class);

        try (ServerSentEvents stream = new ServerSentEvents(port(), "/api/orders/" + orderId + "/events", token)) {
            stream.next(Duration.ofSeconds(20));
            assertThat(subscriptionsFor(emitter, orderId)).isEqualTo(1);
        }

        Eventually.await("subscription of the closed stream cancelled", () -> subscriptionsFor(emitter, orderId), n -> n == 0);
    }

    @Test
    void aClientThatGoesAwayWhileTheOrderChangesLeavesNoErrorBehind() throws Exception {
        String token = Tokens.user(newUser("hangup"));
        String orderId = node.api().placeOrder(token, "k", order(COFFEE, 1)).json().path("orderId").asText();
        QueryUpdateEmitter emitter = node.bean(QueryUpdateEmitter.class);

        try (CapturedLog log = CapturedLog.start()) {
            try (ServerSentEvents stream = new ServerSentEvents(port(), "/api/orders/" + orderId + "/events", token)) {
                stream.next(Duration.ofSeconds(20));
            }
            // the change is written to a connection the client closed; the heartbeats that follow find it gone too
            node.api().post("/api/orders/" + orderId + "/cancel", token, "");
            Eventually.await("subscription of the closed stream cancelled", () -> subscriptionsFor(emitter, orderId), n -> n == 0);
            Thread.sleep(1_500);

            assertThat(log.errorsAndStackTraces()).as("logged while the stream's client was gone").isEmpty();
        }
    }

    @Test
    void clientsThatHangUpAbruptlyLeaveNoErrorBehind() throws Exception {
        String token = Tokens.user(newUser("abrupt"));
        String orderId = node.api().placeOrder(token, "k", order(COFFEE, 1)).json().path("orderId").asText();
        QueryUpdateEmitter emitter = node.bean(QueryUpdateEmitter.class);
        String request = "GET /api/orders/" + orderId + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";

        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 40; i++) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
                    socket.setSoLinger(true, 0); // closing resets the connection, as a killed browser tab's does
                    socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (i % 2 == 0) {
                        socket.getInputStream().read();
                    }
                }
            }
            Eventually.await("subscriptions of the reset streams cancelled", () -> subscriptionsFor(emitter, orderId), n -> n == 0);
            Thread.sleep(1_500);

            assertThat(log.errorsAndStackTraces()).as("logged while the streams' clients were gone").isEmpty();
        }
    }

    private static long subscriptionsFor(QueryUpdateEmitter emitter, String orderId) {
        return emitter.activeSubscriptions().stream()
                .filter(query -> query.getPayload() instanceof FindOrderQuery find && find.orderId().toString().equals(orderId))
                .count();
    }

    @Test
    void anotherUserCannotWatchTheOrder() {
        String orderId = node.api().placeOrder(Tokens.user(newUser("owner")), "k", order(COFFEE, 1)).json().path("orderId").asText();

        Api.Response answer = node.api().call("GET", "/api/orders/" + orderId + "/events")
                .token(Tokens.user(newUser("stranger"))).header("Accept", "text/event-stream").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("ORDER_NOT_FOUND");
    }

    private static int port() {
        return Integer.parseInt(node.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
    }
}
