package dev.buyonce.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.query.admin.ReplayBatch;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Given-when-then for one projection, its handlers called directly against the real schema (the query-side
 * migrations), on H2 or on PostgreSQL (see {@link TestDatabase}; the build runs the {@code database} tag on
 * both). Each test runs in one transaction that is rolled back, so it leaves no rows behind. {@link #given}
 * ends a unit of work after every event, as a processor with batch size 1 would: its writes reach the tables
 * and the next event reads every row afresh. {@link #replay} delivers a whole history as one batch, as a
 * rebuilding pooled processor does.
 *
 * <p>Every projection test inherits the four tests of the contract every projection keeps, run on its own
 * {@code history}: an event twice changes nothing, older events change nothing, a reset keeps the rows
 * readable, and a replay rebuilds the same rows.
 *
 * <p>Rows are read with {@code SELECT *}, so comparisons cover every column; timestamps are read as
 * {@link java.time.Instant} whatever the database's JDBC type, so expectations are the same on both.
 */
@Tag("database")
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public abstract class ProjectionTest {
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private EntityManager entities;
    private final List<Stored> history;
    private final Map<String, String> tables;
    private final List<Object> projections = new ArrayList<>();

    /** An event as its aggregate stored it: the sequence number in that aggregate's stream, and the payload. */
    protected record Stored(long sequence, Object event) {
        @Override
        public String toString() {
            return event.getClass().getSimpleName() + "#" + sequence;
        }
    }

    /**
     * @param history events of every type the projection handles, in the order the event log holds them; its
     *                last event changes a row an earlier one made
     * @param tables  the projection's tables, each with the columns that order its rows
     */
    protected ProjectionTest(List<Stored> history, Map<String, String> tables) {
        this.history = history;
        this.tables = tables;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected static Stored at(long sequence, Object event) {
        return new Stored(sequence, event);
    }

    /** Puts a projection under test: events go to its {@code @EventHandler}s, a reset to its {@code @ResetHandler}s. */
    protected <T> T under(T projection) {
        projections.add(projection);
        return projection;
    }

    @Test
    protected void eachEventTwiceChangesNothing() {
        for (Stored event : history) {
            given(event);
            Map<String, List<Map<String, Object>>> once = rows();
            given(event);
            assertThat(rows()).as("after %s again", event).isEqualTo(once);
        }
    }

    /** Once the history is in, its events again, newest first, are all older than the rows. */
    @Test
    protected void olderEventsChangeNothing() {
        given(history);
        Map<String, List<Map<String, Object>>> current = rows();
        List<Stored> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);

        given(newestFirst);

        assertThat(rows()).isEqualTo(current);
    }

    /** A reset keeps every row readable as it was, only marked stale (last_sequence -1) where it has a sequence. */
    @Test
    protected void aResetKeepsEveryRowReadable() {
        given(history);
        Map<String, List<Map<String, Object>>> live = rows();
        assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        reset();
        endUnitOfWork();

        live.values().forEach(rows -> rows.forEach(row -> row.replace("last_sequence", -1L)));
        assertThat(rows()).isEqualTo(live);
    }

    /**
     * A replay ends with exactly the rows the live run made. Where the projection has a reset handler, the replay
     * really rewrites them: stopped one event short, it shows the rows as they stood before that event. Where it
     * has none, its rows are facts that a replay only meets again.
     */
    @Test
    protected void aReplayRebuildsTheSameRows() {
        if (!AnnotatedHandlers.resettable(projections)) {
            given(history);
            Map<String, List<Map<String, Object>>> live = rows();
            replay(history);
            assertThat(rows()).isEqualTo(live);
            return;
        }
        List<Stored> allButLast = history.subList(0, history.size() - 1);
        given(allButLast);
        Map<String, List<Map<String, Object>>> before = rows();
        given(history.get(history.size() - 1));
        Map<String, List<Map<String, Object>>> live = rows();
        assertThat(live).as("the last event changes a row").isNotEqualTo(before);

        replay(allButLast);
        assertThat(rows()).as("rebuilt up to the last event").isEqualTo(before);

        replay(history);
        assertThat(rows()).as("rebuilt").isEqualTo(live);
    }

    /** Delivers each event in a unit of work of its own. */
    protected void given(List<Stored> events) {
        events.forEach(this::given);
    }

    protected void given(Stored... events) {
        given(List.of(events));
    }

    /**
     * A rebuild: the reset handlers, then the events again, in order, in one batch; through the projection's
     * {@link #replayBatch()} where it has one, as {@code ProjectionReplays} does.
     */
    protected void replay(List<Stored> events) {
        reset();
        endUnitOfWork();
        if (replayBatch() == null) {
            events.forEach(this::apply);
        } else {
            applyAsBatch(events, () -> { });
        }
        endUnitOfWork();
    }

    /**
     * The events through the projection's {@link #replayBatch()}, as one batch of a rebuild: read, handled, written
     * back; {@code meanwhile} runs just before the write (a command's transaction committing while the batch runs).
     */
    protected void applyAsBatch(List<Stored> events, Runnable meanwhile) {
        ReplayBatch batch = replayBatch();
        try {
            batch.begin(events.stream().map(stored -> GenericEventMessage.asEventMessage(stored.event())).toList());
            events.forEach(this::apply);
            meanwhile.run();
            batch.flush();
        } finally {
            batch.end();
        }
    }

    /** The projection's set-based way through a rebuild's batch, if it has one (null: row by row). */
    protected ReplayBatch replayBatch() {
        return null;
    }

    /** Calls every {@code @ResetHandler} of the projections under test, as a replay starts. */
    protected void reset() {
        AnnotatedHandlers.reset(projections);
    }

    /** Every table of the projection, row by row, in key order. */
    protected Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        tables.keySet().forEach(table -> all.put(table, rows(table)));
        return all;
    }

    protected List<Map<String, Object>> rows(String table) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + tables.get(table));
        rows.forEach(row -> row.replaceAll((column, value) -> comparable(value)));
        return rows;
    }

    /** The one row of a table this projection keeps a single row in. */
    protected Map<String, Object> onlyRow(String table) {
        List<Map<String, Object>> rows = rows(table);
        assertThat(rows).as(table).hasSize(1);
        return rows.get(0);
    }

    /** An expected row: column names and values in turn (values may be null). */
    protected static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** Writes what the handlers changed and forgets every entity, as the end of a processor's transaction does. */
    protected void endUnitOfWork() {
        entities.flush();
        entities.clear();
    }

    private void given(Stored event) {
        apply(event);
        endUnitOfWork();
    }

    /** Delivers one event to the projections under test, within the unit of work under way. */
    protected void apply(Stored stored) {
        AnnotatedHandlers.deliver(projections, stored);
    }

    private static Object comparable(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return value;
    }
}
