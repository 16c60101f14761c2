package dev.buyonce.command.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.AllotTickets;
import dev.buyonce.kernel.ticket.AllowanceId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ReturnTickets;
import dev.buyonce.kernel.ticket.TicketsAllotted;
import dev.buyonce.kernel.ticket.TicketsReturned;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketAllowanceTest {
    static final ProgramId SHOW = new ProgramId("show");
    static final UserId ALICE = new UserId("alice");
    static final AllowanceId ID = AllowanceId.of(SHOW, ALICE);
    static final OrderId FIRST = order(1);
    static final OrderId SECOND = order(2);
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final int LIMIT = 4;

    AggregateTestFixture<TicketAllowance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TicketAllowance.class);
    }

    static OrderId order(int n) {
        return new OrderId(UUID.fromString("00000000-0000-5000-8000-00000000000" + n));
    }

    static TicketsAllotted allotted(OrderId order, int tickets) {
        return new TicketsAllotted(ID, SHOW, ALICE, order, tickets, NOW);
    }

    static AllotTickets allot(OrderId order, int tickets) {
        return new AllotTickets(SHOW, ALICE, order, tickets, LIMIT, NOW);
    }

    @Test
    void theFirstOrderIsCounted() {
        fixture.givenNoPriorActivity()
                .when(allot(FIRST, 3))
                .expectEvents(allotted(FIRST, 3));
    }

    @Test
    void anOrderThatWouldPassTheUserLimitIsRefused() {
        fixture.given(allotted(FIRST, 3))
                .when(allot(SECOND, 2))
                .expectException(TicketLimitExceeded.class)
                .expectNoEvents();
    }

    @Test
    void anOrderThatReachesTheLimitExactlyIsCounted() {
        fixture.given(allotted(FIRST, 3))
                .when(allot(SECOND, 1))
                .expectEvents(allotted(SECOND, 1));
    }

    @Test
    void countingTheSameOrderAgainIsANoOp() {
        fixture.given(allotted(FIRST, 4))
                .when(allot(FIRST, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReleasedOrderGivesItsTicketsBackOnce() {
        fixture.given(allotted(FIRST, 3))
                .when(new ReturnTickets(SHOW, ALICE, FIRST, NOW))
                .expectEvents(new TicketsReturned(ID, SHOW, ALICE, FIRST, 3, NOW));
        fixture.given(allotted(FIRST, 3), new TicketsReturned(ID, SHOW, ALICE, FIRST, 3, NOW))
                .when(new ReturnTickets(SHOW, ALICE, FIRST, NOW))
                .expectNoEvents();
    }

    @Test
    void returnedTicketsCanBeOrderedAgain() {
        fixture.given(allotted(FIRST, 4), new TicketsReturned(ID, SHOW, ALICE, FIRST, 4, NOW))
                .when(allot(SECOND, 4))
                .expectEvents(allotted(SECOND, 4));
    }
}
