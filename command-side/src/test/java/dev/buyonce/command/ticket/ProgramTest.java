package dev.buyonce.command.ticket;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ticket.DefineProgram;
import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramDefinition;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.TicketCategory;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ProgramTest {
    static final ProgramId SHOW = new ProgramId("show");
    static final Instant STARTS = Instant.parse("2027-01-01T19:30:00Z");
    static final List<TicketCategory> FLOOR = List.of(
            new TicketCategory("floor", "Floor", Money.of("280.00", "CNY"), List.of(new SeatRow("A", 20))));
    final AggregateTestFixture<Program> fixture = new AggregateTestFixture<>(Program.class);

    @Test
    void definesANewProgram() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgram(SHOW, "Show", STARTS, 6, 6, FLOOR))
                .expectEvents(new ProgramDefined(SHOW, "Show", STARTS, 6, 6, FLOOR))
                .expectResultMessagePayload(ProgramDefinition.CREATED);
    }

    @Test
    void theSameDefinitionAgainChangesNothing() {
        fixture.given(new ProgramDefined(SHOW, "Show", STARTS, 6, 6, FLOOR))
                .when(new DefineProgram(SHOW, "Show", STARTS, 6, 6, FLOOR))
                .expectNoEvents()
                .expectResultMessagePayload(ProgramDefinition.UNCHANGED);
    }

    @Test
    void aDifferentDefinitionUnderTheSameIdIsRefused() {
        fixture.given(new ProgramDefined(SHOW, "Show", STARTS, 6, 6, FLOOR))
                .when(new DefineProgram(SHOW, "Show", STARTS, 6, 8, FLOOR))
                .expectException(ProgramConflict.class)
                .expectNoEvents();
    }
}
