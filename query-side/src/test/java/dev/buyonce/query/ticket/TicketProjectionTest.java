package dev.buyonce.query.ticket;

import dev.buyonce.query.QuerySettings;
import dev.buyonce.query.signal.LocalSignals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.TicketCategory;
import dev.buyonce.query.ProjectionTest;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ticket views as the app wires them (programs, seat map, the in-memory catalog and assembled maps), and
 * one program: "show", a floor of rows A (3 seats) and B (2 seats), and a balcony row C (2 seats).
 */
abstract class TicketProjectionTest extends ProjectionTest {
    static final ProgramId SHOW = new ProgramId("show");
    static final TicketCategory FLOOR = new TicketCategory("floor", "Floor", Money.of("80.00", "CNY"),
            List.of(new SeatRow("A", 3), new SeatRow("B", 2)));
    static final TicketCategory BALCONY = new TicketCategory("balcony", "Balcony", Money.of("40.00", "CNY"),
            List.of(new SeatRow("C", 2)));
    static final ProgramDefined SHOW_DEFINED = new ProgramDefined(SHOW, "The Show", Instant.parse("2027-01-01T19:30:00Z"),
            4, 6, List.of(FLOOR, BALCONY));

    @Autowired
    ProgramRepository programRepository;
    @Autowired
    SeatViewRepository seatRepository;
    @Autowired
    EntityManager entities;
    @Autowired
    ObjectMapper json;
    ProgramCatalog catalog;
    SeatMaps maps;
    ProgramProjection programs;
    SeatMapProjection seats;
    SeatReplayBatch seatRebuild;

    TicketProjectionTest(List<Stored> history, Map<String, String> tables) {
        super(history, tables);
    }

    @BeforeEach
    void wire() {
        catalog = new ProgramCatalog(programRepository, json);
        // a long TTL: an assembled map changes only when the projection invalidates it
        maps = new SeatMaps(catalog, seatRepository, new QuerySettings(
                new QuerySettings.Orders(Duration.ofMinutes(30), Duration.ofSeconds(15)),
                new QuerySettings.Seats(Duration.ofHours(1)), new QuerySettings.Catalog(Duration.ofSeconds(5)),
                new QuerySettings.Projections(500), new QuerySettings.Coupons(Duration.ofMillis(200))));
        programs = new ProgramProjection(programRepository, entities, catalog, maps, LocalSignals.to(catalog, maps));
        seatRebuild = new SeatReplayBatch(jdbc);
        seats = new SeatMapProjection(seatRepository, maps, LocalSignals.to(catalog, maps), seatRebuild);
    }
}
