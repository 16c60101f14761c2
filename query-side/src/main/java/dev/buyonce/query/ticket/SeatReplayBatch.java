package dev.buyonce.query.ticket;

import dev.buyonce.kernel.ticket.SeatEvent;
import dev.buyonce.query.SetBasedReplay;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seat map's rebuild, set-based: a batch's seats (programs × seat ids, a superset) read in one query, changed in
 * memory by {@link SeatMapProjection}'s handlers, their status and order written back as one JDBC batch, each only over
 * a stored row that has applied an older event. Seats are rows their program made: a rebuild never inserts one.
 */
@Component
class SeatReplayBatch extends SetBasedReplay<SeatEntity.Key, SeatEntity> {
    private final JdbcTemplate jdbc;

    SeatReplayBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String view() {
        return SeatMapProjection.GROUP;
    }

    @Override
    protected Map<SeatEntity.Key, SeatEntity> read(List<? extends EventMessage<?>> batch) {
        Set<String> programs = new LinkedHashSet<>();
        Set<String> seats = new LinkedHashSet<>();
        for (EventMessage<?> event : batch) {
            if (event.getPayload() instanceof SeatEvent seat) {
                programs.add(seat.programId().value());
                seats.add(seat.seatId().value());
            }
        }
        Map<SeatEntity.Key, SeatEntity> rows = new HashMap<>();
        if (programs.isEmpty()) {
            return rows;
        }
        jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement("SELECT program_id, seat_id, status, order_id, "
                    + "last_sequence FROM seat_view WHERE program_id = ANY(?) AND seat_id = ANY(?)");
            select.setArray(1, connection.createArrayOf("VARCHAR", programs.toArray()));
            select.setArray(2, connection.createArrayOf("VARCHAR", seats.toArray()));
            return select;
        }, row -> {
            SeatEntity.Key key = new SeatEntity.Key(row.getString(1), row.getString(2));
            rows.put(key, new SeatEntity(key, row.getString(3), row.getObject(4, UUID.class), row.getLong(5)));
        });
        return rows;
    }

    @Override
    protected void update(List<SeatEntity> rows) {
        jdbc.batchUpdate("UPDATE seat_view SET status = ?, order_id = ?, last_sequence = ?"
                + " WHERE program_id = ? AND seat_id = ? AND last_sequence < ?", rows, rows.size(), (statement, row) -> {
                    statement.setString(1, row.status);
                    statement.setObject(2, row.orderId);
                    statement.setLong(3, row.lastSequence());
                    statement.setString(4, row.programId);
                    statement.setString(5, row.seatId);
                    statement.setLong(6, row.lastSequence());
                });
    }

    @Override
    protected void insert(List<SeatEntity> rows) {
        throw new IllegalStateException("a seat's row is made by its program, never by a rebuild");
    }
}
