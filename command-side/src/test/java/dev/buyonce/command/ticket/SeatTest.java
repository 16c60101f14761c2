package dev.buyonce.command.ticket;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.HoldSeat;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ReleaseSeat;
import dev.buyonce.kernel.ticket.SeatHeld;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import dev.buyonce.kernel.ticket.SeatReleased;
import dev.buyonce.kernel.ticket.SeatSold;
import dev.buyonce.kernel.ticket.SellSeat;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeatTest {
    static final ProgramId SHOW = new ProgramId("show");
    static final SeatId A1 = new SeatId("A-1");
    static final SeatKey KEY = SeatKey.of(SHOW, A1);
    static final OrderId FIRST = new OrderId(UUID.fromString("00000000-0000-5000-8000-000000000001"));
    static final OrderId SECOND = new OrderId(UUID.fromString("00000000-0000-5000-8000-000000000002"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    AggregateTestFixture<Seat> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Seat.class);
    }

    static SeatHeld held(OrderId order) {
        return new SeatHeld(KEY, SHOW, A1, order, NOW);
    }

    @Test
    void aFreeSeatIsHeldForTheFirstOrder() {
        fixture.givenNoPriorActivity()
                .when(new HoldSeat(SHOW, A1, FIRST, NOW))
                .expectEvents(held(FIRST));
    }

    @Test
    void holdingAgainForTheSameOrderIsANoOp() {
        fixture.given(held(FIRST))
                .when(new HoldSeat(SHOW, A1, FIRST, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSeatHeldByAnotherOrderIsTaken() {
        fixture.given(held(FIRST))
                .when(new HoldSeat(SHOW, A1, SECOND, NOW))
                .expectException(SeatTaken.class)
                .expectNoEvents();
    }

    @Test
    void aSoldSeatIsTakenEvenForTheOrderThatBoughtIt() {
        fixture.given(held(FIRST), new SeatSold(KEY, SHOW, A1, FIRST, NOW))
                .when(new HoldSeat(SHOW, A1, FIRST, NOW))
                .expectException(SeatTaken.class);
    }

    @Test
    void theHoldingOrderReleasesTheSeatForTheNextBuyer() {
        fixture.given(held(FIRST), new SeatReleased(KEY, SHOW, A1, FIRST, NOW))
                .when(new HoldSeat(SHOW, A1, SECOND, NOW))
                .expectEvents(held(SECOND));
    }

    @Test
    void releasingIsIdempotent() {
        fixture.given(held(FIRST), new SeatReleased(KEY, SHOW, A1, FIRST, NOW))
                .when(new ReleaseSeat(SHOW, A1, FIRST, NOW))
                .expectNoEvents();
    }

    @Test
    void onlyTheHoldingOrderCanRelease() {
        fixture.given(held(FIRST))
                .when(new ReleaseSeat(SHOW, A1, SECOND, NOW))
                .expectNoEvents();
    }

    @Test
    void releasingASeatNeverHeldIsANoOp() {
        fixture.givenNoPriorActivity()
                .when(new ReleaseSeat(SHOW, A1, FIRST, NOW))
                .expectNoEvents();
    }

    @Test
    void theHoldingOrderBuysTheSeatOnce() {
        fixture.given(held(FIRST))
                .when(new SellSeat(SHOW, A1, FIRST, NOW))
                .expectEvents(new SeatSold(KEY, SHOW, A1, FIRST, NOW));
    }

    @Test
    void aSoldSeatIsForSaleAgainWhenItsOrderIsRefundedAndOnlyThen() {
        fixture.given(held(FIRST), new SeatSold(KEY, SHOW, A1, FIRST, NOW))
                .when(new ReleaseSeat(SHOW, A1, SECOND, NOW))
                .expectNoEvents();
        fixture.given(held(FIRST), new SeatSold(KEY, SHOW, A1, FIRST, NOW))
                .when(new ReleaseSeat(SHOW, A1, FIRST, NOW))
                .expectEvents(new SeatReleased(KEY, SHOW, A1, FIRST, NOW));
        fixture.given(held(FIRST), new SeatSold(KEY, SHOW, A1, FIRST, NOW), new SeatReleased(KEY, SHOW, A1, FIRST, NOW))
                .when(new HoldSeat(SHOW, A1, SECOND, NOW))
                .expectEvents(new SeatHeld(KEY, SHOW, A1, SECOND, NOW));
    }

    @Test
    void sellingAgainToTheSameOrderIsANoOp() {
        fixture.given(held(FIRST), new SeatSold(KEY, SHOW, A1, FIRST, NOW))
                .when(new SellSeat(SHOW, A1, FIRST, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSeatReleasedBeforeThePaymentArrivedCannotBeSold() {
        fixture.given(held(FIRST), new SeatReleased(KEY, SHOW, A1, FIRST, NOW))
                .when(new SellSeat(SHOW, A1, FIRST, NOW))
                .expectException(SeatNotHeld.class)
                .expectNoEvents();
    }

    @Test
    void aSeatHeldByAnotherOrderCannotBeSold() {
        fixture.given(held(SECOND))
                .when(new SellSeat(SHOW, A1, FIRST, NOW))
                .expectException(SeatNotHeld.class);
    }
}
