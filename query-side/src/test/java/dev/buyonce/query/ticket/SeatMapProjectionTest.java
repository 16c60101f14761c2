package dev.buyonce.query.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.CategorySeatsView;
import dev.buyonce.kernel.ticket.FindSeatMapQuery;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatHeld;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import dev.buyonce.kernel.ticket.SeatReleased;
import dev.buyonce.kernel.ticket.SeatSold;
import dev.buyonce.query.admin.ReplayBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Each seat's row, made FREE by its program, moved to HELD, FREE or SOLD by its Seat aggregate's events. */
// the picker's maps kept for the whole test: resetDropsThePickersMaps shows that the reset, not their expiry, drops them
@TestPropertySource(properties = "buyonce.seats.map-ttl=PT1H")
class SeatMapProjectionTest extends TicketProjectionTest {
    static final OrderId FIRST = OrderId.forIntent(new UserId("alice"), new IdempotencyKey("t1"));
    static final OrderId LAPSED = OrderId.forIntent(new UserId("bob"), new IdempotencyKey("t2"));
    static final OrderId THIRD = OrderId.forIntent(new UserId("carol"), new IdempotencyKey("t3"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static SeatHeld held(String seat, OrderId order) {
        return new SeatHeld(SeatKey.of(SHOW, new SeatId(seat)), SHOW, new SeatId(seat), order, NOW);
    }

    static SeatReleased released(String seat, OrderId order) {
        return new SeatReleased(SeatKey.of(SHOW, new SeatId(seat)), SHOW, new SeatId(seat), order, NOW.plusSeconds(900));
    }

    static SeatSold sold(String seat, OrderId order) {
        return new SeatSold(SeatKey.of(SHOW, new SeatId(seat)), SHOW, new SeatId(seat), order, NOW.plusSeconds(60));
    }

    /**
     * Alice buys A-1; Bob's order holds A-2 and C-1 and lapses; Carol then holds A-2. Each seat is an aggregate
     * of its own, so each counts its sequence from 0.
     */
    static final List<Stored> HISTORY = List.of(at(0, held("A-1", FIRST)), at(0, held("A-2", LAPSED)), at(0, held("C-1", LAPSED)),
            at(1, sold("A-1", FIRST)), at(1, released("A-2", LAPSED)), at(1, released("C-1", LAPSED)), at(2, held("A-2", THIRD)));

    SeatMapProjectionTest() {
        super(HISTORY, Map.of("seat_view", "program_id, position"));
    }

    @BeforeEach
    void defineTheShow() {
        under(seats);
        programs.on(SHOW_DEFINED);
        endUnitOfWork();
    }

    @Override
    protected ReplayBatch replayBatch() {
        return seatRebuild;
    }

    /** A command's transaction moves a seat past the batch's events while the batch runs: the batch leaves it. */
    @Test
    void aRebuildBatchDoesNotWriteOverASeatACommandMovedOnMeanwhile() {
        given(HISTORY);
        assertThat(row("A-1")).isEqualTo(floorSeat("A-1", 0, "SOLD", FIRST, 1));
        reset();
        endUnitOfWork();

        applyAsBatch(HISTORY.subList(0, 2), () -> {
            // a later event of seat A-1 commits meanwhile
            assertThat(jdbc.update("UPDATE seat_view SET last_sequence = 5 WHERE seat_id = 'A-1'")).isOne();
        });

        assertThat(row("A-1")).isEqualTo(floorSeat("A-1", 0, "SOLD", FIRST, 5));
        assertThat(row("A-2")).isEqualTo(floorSeat("A-2", 1, "HELD", LAPSED, 0));
    }

    Map<String, Object> row(String seat) {
        return rows("seat_view").stream().filter(row -> seat.equals(row.get("seat_id"))).findFirst().orElseThrow();
    }

    static Map<String, Object> floorSeat(String seat, int position, String status, OrderId order, long sequence) {
        return columns("program_id", "show", "seat_id", seat, "category_id", "floor", "row_label", seat.substring(0, 1),
                "seat_number", Integer.parseInt(seat.substring(2)), "position", position, "status", status,
                "order_id", order == null ? null : order.value(), "last_sequence", sequence);
    }

    /** Free, held and sold per category, then each seat's status, as the seat map answers. */
    List<String> seatMap() {
        return maps.current(SHOW).orElseThrow().categories().stream().map(SeatMapProjectionTest::summary).toList();
    }

    static String summary(CategorySeatsView category) {
        return category.categoryId() + " " + category.free() + "/" + category.held() + "/" + category.sold() + " "
                + category.seats().stream().map(seat -> seat.seatId() + "=" + seat.status()).toList();
    }

    @Test
    void aHeldSeatIsHeldForItsOrder() {
        given(at(0, held("A-2", LAPSED)));

        assertThat(row("A-2")).isEqualTo(floorSeat("A-2", 1, "HELD", LAPSED, 0));
    }

    @Test
    void aReleasedSeatIsFreeAgain() {
        given(at(0, held("A-2", LAPSED)), at(1, released("A-2", LAPSED)));

        assertThat(row("A-2")).isEqualTo(floorSeat("A-2", 1, "FREE", null, 1));
    }

    @Test
    void aSoldSeatIsSoldToItsOrder() {
        given(at(0, held("A-1", FIRST)), at(1, sold("A-1", FIRST)));

        assertThat(row("A-1")).isEqualTo(floorSeat("A-1", 0, "SOLD", FIRST, 1));
    }

    @Test
    void theSeatMapFollowsEveryChange() {
        assertThat(seatMap()).containsExactly(
                "floor 5/0/0 [A-1=FREE, A-2=FREE, A-3=FREE, B-1=FREE, B-2=FREE]", "balcony 2/0/0 [C-1=FREE, C-2=FREE]");

        given(HISTORY.subList(0, 4));
        assertThat(seatMap()).containsExactly(
                "floor 3/1/1 [A-1=SOLD, A-2=HELD, A-3=FREE, B-1=FREE, B-2=FREE]", "balcony 1/1/0 [C-1=HELD, C-2=FREE]");

        given(HISTORY.subList(4, HISTORY.size()));
        assertThat(seatMap()).containsExactly(
                "floor 3/1/1 [A-1=SOLD, A-2=HELD, A-3=FREE, B-1=FREE, B-2=FREE]", "balcony 2/0/0 [C-1=FREE, C-2=FREE]");
        assertThat(row("A-2")).isEqualTo(floorSeat("A-2", 1, "HELD", THIRD, 2));
    }

    @Test
    void anEventOfASeatOfAnUnknownProgramChangesNothing() {
        Map<String, List<Map<String, Object>>> before = rows();
        ProgramId other = new ProgramId("other");

        given(at(0, new SeatHeld(SeatKey.of(other, new SeatId("A-1")), other, new SeatId("A-1"), FIRST, NOW)));

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUnsellTheSeat() {
        given(at(0, held("A-1", FIRST)), at(1, sold("A-1", FIRST)));

        given(at(0, held("A-1", FIRST)));

        assertThat(row("A-1")).isEqualTo(floorSeat("A-1", 0, "SOLD", FIRST, 1));
    }

    @Test
    void afterAResetTheSeatMapIsStillAnswered() {
        given(HISTORY);

        seats.reset();

        assertThat(seatMap()).containsExactly(
                "floor 3/1/1 [A-1=SOLD, A-2=HELD, A-3=FREE, B-1=FREE, B-2=FREE]", "balcony 2/0/0 [C-1=FREE, C-2=FREE]");
    }

    /**
     * The reset also drops every map the seat picker shares, so none outlives the rebuild (here: a row changed
     * behind its back). What people read is never cached at all.
     */
    @Test
    void resetDropsThePickersMaps() {
        given(HISTORY);
        assertThat(pickerMap()).startsWith("floor 3/1/1");
        jdbc.update("UPDATE seat_view SET status = 'SOLD' WHERE program_id = 'show' AND seat_id = 'A-3'");
        endUnitOfWork();
        assertThat(pickerMap()).as("the picker's shared copy").startsWith("floor 3/1/1");
        assertThat(seatMap()).first().asString().as("what people read").startsWith("floor 2/1/2");

        seats.reset();

        assertThat(pickerMap()).startsWith("floor 2/1/2");
    }

    /** The first category of the map the seat picker is given. */
    String pickerMap() {
        return summary(maps.handle(new FindSeatMapQuery(SHOW)).categories().get(0));
    }
}
