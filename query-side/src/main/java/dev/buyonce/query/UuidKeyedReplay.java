package dev.buyonce.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link SetBasedReplay} of a view whose rows are keyed by one UUID column: a batch's rows read with
 * {@code key = ANY(?)}, written back with every value column, an update only where the stored row's
 * {@code last_sequence} is older than the batch's. A view names its table, key and value columns, and maps them.
 *
 * @param <R> the row
 */
public abstract class UuidKeyedReplay<R extends ProjectionRow<UUID>> extends SetBasedReplay<UUID, R> {
    private final JdbcTemplate jdbc;
    private final String select;
    private final String update;
    private final String insert;
    private final int lastSequence;

    /** @param values the value columns in the order {@link #bind} sets them, without {@code last_sequence} */
    protected UuidKeyedReplay(JdbcTemplate jdbc, String table, String key, List<String> values) {
        this.jdbc = jdbc;
        String columns = String.join(", ", values) + ", last_sequence";
        this.select = "SELECT " + key + ", " + columns + " FROM " + table + " WHERE " + key + " = ANY(?)";
        this.update = "UPDATE " + table + " SET " + String.join(" = ?, ", values) + " = ?, last_sequence = ? WHERE "
                + key + " = ? AND last_sequence < ?";
        this.insert = "INSERT INTO " + table + " (" + columns + ", " + key + ") VALUES ("
                + String.join(", ", Collections.nCopies(values.size() + 2, "?")) + ")";
        this.lastSequence = values.size() + 1;
    }

    /** The key of the row an event the view handles changes; null for any other event. */
    protected abstract UUID keyOf(Object payload);

    /** The stored row at the result's current position (its key, value columns and {@code last_sequence}). */
    protected abstract R stored(ResultSet row) throws SQLException;

    /** Sets the row's value columns, in the constructor's order, from parameter 1 on. */
    protected abstract void bind(PreparedStatement statement, R row) throws SQLException;

    @Override
    protected Map<UUID, R> read(List<? extends EventMessage<?>> batch) {
        Set<UUID> keys = new LinkedHashSet<>();
        for (EventMessage<?> event : batch) {
            UUID key = keyOf(event.getPayload());
            if (key != null) {
                keys.add(key);
            }
        }
        Map<UUID, R> rows = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(select);
                statement.setArray(1, connection.createArrayOf("uuid", keys.toArray()));
                return statement;
            }, row -> {
                R stored = stored(row);
                rows.put(stored.getId(), stored);
            });
        }
        return rows;
    }

    @Override
    protected void update(List<R> rows) {
        jdbc.batchUpdate(update, rows, rows.size(), (statement, row) -> {
            bindWithKey(statement, row);
            statement.setLong(lastSequence + 2, row.lastSequence());
        });
    }

    @Override
    protected void insert(List<R> rows) {
        jdbc.batchUpdate(insert, rows, rows.size(), this::bindWithKey);
    }

    /** The value columns, {@code last_sequence} and the key: what an update sets and an insert writes. */
    private void bindWithKey(PreparedStatement statement, R row) throws SQLException {
        bind(statement, row);
        statement.setLong(lastSequence, row.lastSequence());
        statement.setObject(lastSequence + 1, row.getId());
    }
}
