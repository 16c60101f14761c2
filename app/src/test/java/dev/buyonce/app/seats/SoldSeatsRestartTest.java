package dev.buyonce.app.seats;

import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestDatabase;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SellSeats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

/** Sold seats are sold for good: after a restart the map still shows them SOLD and nobody can hold them. */
class SoldSeatsRestartTest {

    @Test
    void soldSeatsStaySoldAcrossARestart() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        String program;
        try (BuyOnceNode node = BuyOnceNode.onPostgres(db, Map.of())) {
            Api api = node.api();
            program = Programs.define(api, 1, 10, 4, 4);
            Api.Response order = api.placeOrder(Tokens.user(newUser("payer")), "k", Programs.chosen(program, "A-1", "A-2"));
            assertThat(order.status()).as(order.text()).isEqualTo(201);
            // what the payment saga sends once the order is paid (issue 3)
            node.bean(CommandGateway.class).sendAndWait(new SellSeats(
                    new OrderId(UUID.fromString(order.json().path("orderId").asText())), new ProgramId(program),
                    List.of(new SeatId("A-1"), new SeatId("A-2")), Instant.now()));
            String soldProgram = program;
            Eventually.await("both seats sold on the map", () -> Programs.floor(api, soldProgram).path("sold").asInt(), sold -> sold == 2);
        }

        try (BuyOnceNode node = BuyOnceNode.onPostgres(db, Map.of())) {
            Api api = node.api();
            assertThat(Programs.status(api, program, "A-1")).isEqualTo("SOLD");
            assertThat(Programs.status(api, program, "A-2")).isEqualTo("SOLD");
            Api.Response late = api.placeOrder(Tokens.user(newUser("late")), "k", Programs.chosen(program, "A-2", "A-3"));
            assertThat(late.code()).isEqualTo("SEAT_UNAVAILABLE");
            assertThat(late.json().path("seats").toString()).isEqualTo("[\"A-2\"]");
            Api.Response picked = api.placeOrder(Tokens.user(newUser("picker")), "k", Programs.quantity(program, 2));
            assertThat(Programs.seats(picked)).as(picked.text()).doesNotContain("A-1", "A-2").hasSize(2);
        }
    }
}
