package dev.buyonce.app.seats;

import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SellSeats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chosen seats, limits, replays and releases, end to end over HTTP on PostgreSQL. */
class TicketOrdersTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @Test
    void definingTheSameProgramAgainIsOkAndADifferentDefinitionConflicts() {
        String program = Programs.define(api, 1, 10, 4, 4);
        String admin = Tokens.admin("program-admin");
        String row = "{\"row\":\"A\",\"seats\":10}";
        assertThat(api.post("/api/admin/programs", admin, Programs.body(program, row, 4, 4)).status()).isEqualTo(200);
        Api.Response different = api.post("/api/admin/programs", admin, Programs.body(program, row, 4, 5));
        assertThat(different.status()).isEqualTo(409);
        assertThat(api.post("/api/admin/programs", Tokens.user("not-admin"), Programs.body("x1", row, 4, 4)).status()).isEqualTo(403);
    }

    @Test
    void oneTakenSeatFailsTheWholeChosenSeatOrderAndHoldsNothingOfIt() {
        String program = Programs.define(api, 1, 10, 6, 6);
        assertThat(api.placeOrder(Tokens.user(newUser("first")), "k", Programs.chosen(program, "A-3")).status()).isEqualTo(201);
        String late = newUser("late");

        Api.Response refused = api.placeOrder(Tokens.user(late), "k", Programs.chosen(program, "A-2", "A-3", "A-4"));

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(refused.json().path("seats").toString()).isEqualTo("[\"A-3\"]");
        assertThat(node.countEvents("SeatHeld", OrderId.forIntent(new UserId(late), new IdempotencyKey("k")).toString())).isZero();
        assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + late + "\"")).isZero();
        Eventually.await("A-3 held on the map", () -> Programs.status(api, program, "A-3"), "HELD"::equals);
        assertThat(Programs.status(api, program, "A-2")).isEqualTo("FREE");
        assertThat(Programs.status(api, program, "A-4")).isEqualTo("FREE");
    }

    @Test
    void tenParallelOrdersOfOneUserAgainstALimitOfFourMakeExactlyFour() {
        String program = Programs.define(api, 1, 20, 4, 4);
        String token = Tokens.user(newUser("hoarder"));

        List<Api.Response> answers = Programs.atOnce(10, i -> api.placeOrder(token, "k-" + i, Programs.chosen(program, "A-" + (i + 1))));

        Map<String, Long> outcomes = answers.stream()
                .collect(Collectors.groupingBy(a -> a.status() + " " + (a.status() == 201 ? "" : a.code()), Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 4L, "409 TICKET_LIMIT_EXCEEDED", 6L));
    }

    @Test
    void moreSeatsThanThePerOrderLimitAreRefused() {
        String program = Programs.define(api, 1, 20, 2, 6);
        Api.Response chosen = api.placeOrder(Tokens.user(newUser("greedy")), "k", Programs.chosen(program, "A-1", "A-2", "A-3"));
        Api.Response picked = api.placeOrder(Tokens.user(newUser("greedy")), "k", Programs.quantity(program, 3));
        assertThat(List.of(chosen.code(), picked.code())).containsOnly("TICKET_LIMIT_EXCEEDED");
    }

    @Test
    void cancellingGivesTheSeatsAndTheTicketsBack() {
        String program = Programs.define(api, 1, 10, 2, 2);
        String token = Tokens.user(newUser("changes-mind"));
        Api.Response order = api.placeOrder(token, "k1", Programs.chosen(program, "A-1", "A-2"));
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        assertThat(api.placeOrder(token, "k2", Programs.chosen(program, "A-5")).code()).isEqualTo("TICKET_LIMIT_EXCEEDED");
        Eventually.await("A-2 held on the map", () -> Programs.status(api, program, "A-2"), "HELD"::equals);

        Api.Response cancelled = api.post("/api/orders/" + order.json().path("orderId").asText() + "/cancel", token, "");
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");

        String orderId = order.json().path("orderId").asText();
        Eventually.await("both holds released", () -> node.countEvents("SeatReleased", orderId), released -> released == 2);
        Eventually.await("A-2 free again on the map", () -> Programs.status(api, program, "A-2"), "FREE"::equals);
        Api.Response other = api.placeOrder(Tokens.user(newUser("next")), "k", Programs.chosen(program, "A-1", "A-2"));
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        Api.Response again = api.placeOrder(token, "k3", Programs.chosen(program, "A-5", "A-6"));
        assertThat(again.status()).as("the tickets came back to the allowance: " + again.text()).isEqualTo(201);
        assertThat(node.countEvents("SeatReleased", orderId)).as("released exactly once").isEqualTo(2);
        assertThat(node.countEvents("TicketsReturned", orderId)).isEqualTo(1);
    }

    @Test
    void aChosenSeatOrderReplayedWithTheSameKeyAnswersTheSameOrder() {
        String program = Programs.define(api, 1, 10, 4, 4);
        String token = Tokens.user(newUser("retrier"));
        Api.Response first = api.placeOrder(token, "same", Programs.chosen(program, "A-7", "A-8"));
        Api.Response replay = api.placeOrder(token, "same", Programs.chosen(program, "A-8", "A-7"));
        Api.Response other = api.placeOrder(token, "same", Programs.chosen(program, "A-9"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(Programs.seats(first)).containsExactly("A-7", "A-8");
        assertThat(first.json().path("total").path("amount").asText()).isEqualTo("560.00");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("orderId").asText()).isEqualTo(first.json().path("orderId").asText());
        assertThat(Programs.seats(replay)).containsExactly("A-7", "A-8");
        assertThat(other.status()).isEqualTo(422);
        assertThat(node.countEvents("SeatHeld", first.json().path("orderId").asText())).isEqualTo(2);
        String path = "/api/orders/" + first.json().path("orderId").asText();
        Api.Response read = Eventually.await("the order view", () -> api.get(path, token), r -> r.status() == 200);
        assertThat(Programs.seats(read)).containsExactly("A-7", "A-8");
    }

    @Test
    void anAutoAssignedOrderReplayedKeepsItsSeats() {
        String program = Programs.define(api, 2, 10, 4, 4);
        String token = Tokens.user(newUser("auto"));
        Api.Response first = api.placeOrder(token, "auto", Programs.quantity(program, 3));
        Api.Response replay = api.placeOrder(token, "auto", Programs.quantity(program, 3));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(Programs.seats(replay)).isEqualTo(Programs.seats(first)).hasSize(3);
    }

    @Test
    void sellingTheSeatsOfAnOrderMarksThemSold() {
        String program = Programs.define(api, 1, 10, 4, 4);
        Api.Response order = api.placeOrder(Tokens.user(newUser("payer")), "k", Programs.chosen(program, "A-1", "A-2"));
        OrderId orderId = new OrderId(UUID.fromString(order.json().path("orderId").asText()));

        // what the payment saga sends when the order is paid (issue 3)
        node.bean(CommandGateway.class).sendAndWait(new SellSeats(orderId, new ProgramId(program),
                List.of(new SeatId("A-1"), new SeatId("A-2")), Instant.now()));

        Eventually.await("A-1 sold", () -> Programs.status(api, program, "A-1"), "SOLD"::equals);
        Eventually.await("A-2 sold", () -> Programs.status(api, program, "A-2"), "SOLD"::equals);
    }

    @Test
    void unknownProgramsAndSeatsAreRefused() {
        String token = Tokens.user(newUser("lost"));
        String program = Programs.define(api, 1, 5, 4, 4);
        assertThat(api.get("/api/programs/no-such-show/seats", token).status()).isEqualTo(404);
        assertThat(api.placeOrder(token, "a", Programs.chosen("no-such-show", "A-1")).status()).isEqualTo(404);
        assertThat(api.placeOrder(token, "b", Programs.chosen(program, "A-6")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.placeOrder(token, "c", "{\"programId\":\"" + program + "\"}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.placeOrder(token, "d", Programs.quantity(program, 6)).code()).isIn("TICKET_LIMIT_EXCEEDED");
    }
}
