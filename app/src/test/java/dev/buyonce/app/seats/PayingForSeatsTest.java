package dev.buyonce.app.seats;

import static dev.buyonce.app.payments.Payments.awaitAttemptStatus;
import static dev.buyonce.app.payments.Payments.awaitOrderStatus;
import static dev.buyonce.app.payments.Payments.ledgerLines;
import static dev.buyonce.app.payments.Payments.pay;
import static dev.buyonce.app.payments.Payments.startPayment;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seats and money together, on a node with a 6-second payment deadline: paid seats become SOLD; unpaid holds
 * come back at the deadline, and money that arrives after that is refunded while the seats stay free.
 */
class PayingForSeatsTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = Payments.start(TestDatabase.fresh(), Map.of("buyonce.orders.payment-timeout", "PT6S",
                "buyonce.payments.status-check-after", "PT1M"));
        api = node.api();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPaidOrdersSeatsAreSoldAndCannotBeCancelled() {
        String program = Programs.define(api, 1, 10, 6, 6);
        String token = Tokens.user(newUser("payer"));
        Api.Response placed = api.placeOrder(token, "k", Programs.chosen(program, "A-4", "A-5"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String orderId = placed.json().path("orderId").asText();
        String paymentId = startPayment(api, token, orderId, "p", "sandbox-card");

        assertThat(pay(api, paymentId, "DELIVER", false).status()).isEqualTo(200);

        awaitOrderStatus(api, token, orderId, "PAID");
        Eventually.await("both seats sold", () -> Programs.status(api, program, "A-4") + " " + Programs.status(api, program, "A-5"),
                "SOLD SOLD"::equals);
        assertThat(node.countEvents("SeatSold", orderId)).isEqualTo(2);
        assertThat(api.post("/api/orders/" + orderId + "/cancel", token, "").code()).isEqualTo("ORDER_NOT_CANCELLABLE");
        assertThat(api.placeOrder(Tokens.user(newUser("next")), "k", Programs.chosen(program, "A-4")).code())
                .isEqualTo("SEAT_UNAVAILABLE");
    }

    @Test
    void holdsComeBackAtTheDeadlineAndLateMoneyIsRefunded() {
        String program = Programs.define(api, 1, 10, 6, 6);
        String token = Tokens.user(newUser("slow"));
        String orderId = api.placeOrder(token, "k", Programs.quantity(program, 3)).json().path("orderId").asText();
        String paymentId = startPayment(api, token, orderId, "p", "sandbox-wallet");
        Eventually.await("three seats held", () -> Programs.floor(api, program).path("held").asInt(), n -> n == 3);

        awaitOrderStatus(api, token, orderId, "CANCELLED");
        Eventually.await("holds released", () -> Programs.floor(api, program).path("free").asInt(), n -> n == 10);
        awaitAttemptStatus(api, token, orderId, paymentId, "CLOSED");
        assertThat(pay(api, paymentId, "DELIVER", true).status()).isEqualTo(200);

        awaitAttemptStatus(api, token, orderId, paymentId, "REFUNDED");
        assertThat(ledgerLines(api, paymentId, "REFUND")).isEqualTo(1);
        assertThat(node.countEvents("SeatSold", orderId)).isZero();
        assertThat(Programs.floor(api, program).path("free").asInt()).isEqualTo(10);
        assertThat(node.countEvents("SeatReleased", orderId)).isEqualTo(3);
    }

    @Test
    void aRefundedTicketOrderFreesItsSeatsAndGivesTheTicketsBack() {
        String program = Programs.define(api, 1, 10, 4, 4);
        String token = Tokens.user(newUser("refunded"));
        Api.Response placed = api.placeOrder(token, "k", Programs.chosen(program, "A-1", "A-2", "A-3", "A-4"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String orderId = placed.json().path("orderId").asText();
        pay(api, startPayment(api, token, orderId, "p", "sandbox-card"), "DELIVER", false);
        awaitOrderStatus(api, token, orderId, "PAID");
        assertThat(Programs.floor(api, program).path("sold").asInt()).isEqualTo(4);
        assertThat(api.placeOrder(token, "more", Programs.chosen(program, "A-9")).code())
                .as("all four tickets of the user's allowance are used").isEqualTo("TICKET_LIMIT_EXCEEDED");

        assertThat(api.post("/api/admin/orders/" + orderId + "/refund", Payments.ADMIN, "").status()).isEqualTo(202);
        awaitOrderStatus(api, token, orderId, "REFUNDED");

        // the seat map shows it as soon as the refund is recorded, in the same transaction
        JsonNode floor = Programs.floor(api, program);
        assertThat(floor.path("sold").asInt()).isZero();
        assertThat(floor.path("free").asInt()).isEqualTo(10);
        assertThat(node.countEvents("TicketsReturned", orderId)).isEqualTo(1);
        Api.Response again = api.placeOrder(token, "again", Programs.chosen(program, "A-1", "A-2", "A-3", "A-4"));
        assertThat(again.status()).as("the same seats, with the tickets given back: " + again.text()).isEqualTo(201);
    }
}
