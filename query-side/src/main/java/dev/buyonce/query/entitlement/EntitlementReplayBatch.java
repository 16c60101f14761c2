package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementEvent;
import dev.buyonce.query.SetBasedReplay;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * The entitlement view's rebuild, set-based: a batch's rows read in one query (users × products, a superset when the
 * batch holds several products), changed in memory by {@link EntitlementProjection}'s handlers, written back as one
 * JDBC batch. An update carries the row's last sequence and changes nothing where the stored row has applied that
 * event or a later one (a command's transaction meanwhile); should a command insert a row the batch inserts too, the
 * batch fails on the key and is tried again.
 */
@Component
class EntitlementReplayBatch extends SetBasedReplay<EntitlementEntity.Key, EntitlementEntity> {
    private static final String COLUMNS = "user_id, product_id, status, order_id, since, reference, last_sequence";
    private final JdbcTemplate jdbc;

    EntitlementReplayBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String view() {
        return EntitlementProjection.GROUP;
    }

    @Override
    protected Map<EntitlementEntity.Key, EntitlementEntity> read(List<? extends EventMessage<?>> batch) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> products = new LinkedHashSet<>();
        for (EventMessage<?> event : batch) {
            if (event.getPayload() instanceof EntitlementEvent entitlement) {
                users.add(entitlement.userId().value());
                products.add(entitlement.productId().value());
            }
        }
        Map<EntitlementEntity.Key, EntitlementEntity> rows = new HashMap<>();
        if (users.isEmpty()) {
            return rows;
        }
        jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM entitlement_view WHERE user_id = ANY(?) AND product_id = ANY(?)");
            select.setArray(1, connection.createArrayOf("VARCHAR", users.toArray()));
            select.setArray(2, connection.createArrayOf("VARCHAR", products.toArray()));
            return select;
        }, row -> {
            EntitlementEntity.Key key = new EntitlementEntity.Key(row.getString(1), row.getString(2));
            rows.put(key, new EntitlementEntity(key, row.getString(3), row.getObject(4, UUID.class),
                    instant(row, "since"), row.getString(6), row.getLong(7)));
        });
        return rows;
    }

    @Override
    protected void update(List<EntitlementEntity> rows) {
        jdbc.batchUpdate("UPDATE entitlement_view SET status = ?, order_id = ?, since = ?, reference = ?, last_sequence = ?"
                + " WHERE user_id = ? AND product_id = ? AND last_sequence < ?", rows, rows.size(), (statement, row) -> {
                    setValues(statement, row, 1);
                    statement.setString(6, row.key.userId());
                    statement.setString(7, row.key.productId());
                    statement.setLong(8, row.lastSequence());
                });
    }

    @Override
    protected void insert(List<EntitlementEntity> rows) {
        jdbc.batchUpdate("INSERT INTO entitlement_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", rows, rows.size(),
                (statement, row) -> {
                    statement.setString(1, row.key.userId());
                    statement.setString(2, row.key.productId());
                    setValues(statement, row, 3);
                });
    }

    /** status, order_id, since, reference, last_sequence from parameter {@code first} on. */
    private static void setValues(PreparedStatement statement, EntitlementEntity row, int first) throws SQLException {
        statement.setString(first, row.status);
        statement.setObject(first + 1, row.orderId);
        statement.setObject(first + 2, utc(row.since));
        statement.setString(first + 3, row.reference);
        statement.setLong(first + 4, row.lastSequence());
    }
}
