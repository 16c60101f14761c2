package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementEvent;
import dev.buyonce.query.admin.ReplayBatch;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * The entitlement view's rebuild, set-based ({@link ReplayBatch}): a batch's rows are read in one query, the
 * projection's handlers change in-memory copies ({@link #rowFor}), and the changed rows are written back as one JDBC
 * batch. A row is written only over an older one: each statement carries the row's last sequence and changes nothing
 * where the stored row has applied that event or a later one already (a command's transaction meanwhile). A row the
 * view lacks is inserted; should a command insert it first, the batch fails on the key and is tried again.
 */
@Component
class EntitlementReplayBatch implements ReplayBatch {
    private static final String COLUMNS = "user_id, product_id, status, order_id, since, reference, last_sequence";
    private final JdbcTemplate jdbc;
    private final ThreadLocal<Rows> open = new ThreadLocal<>();

    /** A batch's rows: as read (by key), and which of them its handlers changed, in the order first changed. */
    private record Rows(Map<EntitlementEntity.Key, EntitlementEntity> byKey, Set<EntitlementEntity> changed) {
    }

    EntitlementReplayBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String view() {
        return EntitlementProjection.GROUP;
    }

    /**
     * The row a handler on this thread is to change, when a rebuild's batch is open here: the copy read for the batch
     * (or a new row), to be written back at {@link #flush()}. Null when no batch is open on this thread.
     */
    EntitlementEntity rowFor(EntitlementEntity.Key key) {
        Rows rows = open.get();
        return rows == null ? null : rows.byKey().computeIfAbsent(key, EntitlementEntity::new);
    }

    /** Records that a handler changed {@code row}, one that {@link #rowFor} answered. */
    void changed(EntitlementEntity row) {
        open.get().changed().add(row);
    }

    @Override
    public void begin(List<? extends EventMessage<?>> batch) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> products = new LinkedHashSet<>();
        for (EventMessage<?> event : batch) {
            if (event.getPayload() instanceof EntitlementEvent entitlement) {
                users.add(entitlement.userId().value());
                products.add(entitlement.productId().value());
            }
        }
        Map<EntitlementEntity.Key, EntitlementEntity> byKey = new HashMap<>();
        if (!users.isEmpty()) {
            // users x products: a superset of the batch's pairs when it holds several products
            jdbc.query(connection -> {
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM entitlement_view WHERE user_id = ANY(?) AND product_id = ANY(?)");
                select.setArray(1, varchars(connection, users));
                select.setArray(2, varchars(connection, products));
                return select;
            }, row -> {
                EntitlementEntity.Key key = new EntitlementEntity.Key(row.getString(1), row.getString(2));
                OffsetDateTime since = row.getObject(5, OffsetDateTime.class);
                byKey.put(key, new EntitlementEntity(key, row.getString(3), row.getObject(4, UUID.class),
                        since == null ? null : since.toInstant(), row.getString(6), row.getLong(7)));
            });
        }
        open.set(new Rows(byKey, new LinkedHashSet<>()));
    }

    private static Array varchars(java.sql.Connection connection, Set<String> values) throws SQLException {
        return connection.createArrayOf("VARCHAR", values.toArray());
    }

    @Override
    public void flush() {
        List<EntitlementEntity> updates = new ArrayList<>();
        List<EntitlementEntity> inserts = new ArrayList<>();
        for (EntitlementEntity row : open.get().changed()) {
            (row.isNew() ? inserts : updates).add(row);
        }
        jdbc.batchUpdate("UPDATE entitlement_view SET status = ?, order_id = ?, since = ?, reference = ?, last_sequence = ?"
                + " WHERE user_id = ? AND product_id = ? AND last_sequence < ?", updates, updates.size(), (statement, row) -> {
                    setValues(statement, row, 1);
                    statement.setString(6, row.key.userId());
                    statement.setString(7, row.key.productId());
                    statement.setLong(8, row.lastSequence());
                });
        jdbc.batchUpdate("INSERT INTO entitlement_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", inserts,
                inserts.size(), (statement, row) -> {
                    statement.setString(1, row.key.userId());
                    statement.setString(2, row.key.productId());
                    setValues(statement, row, 3);
                });
    }

    /** status, order_id, since, reference, last_sequence from parameter {@code first} on. */
    private static void setValues(PreparedStatement statement, EntitlementEntity row, int first) throws SQLException {
        statement.setString(first, row.status);
        statement.setObject(first + 1, row.orderId);
        statement.setObject(first + 2, row.since == null ? null : row.since.atOffset(ZoneOffset.UTC));
        statement.setString(first + 3, row.reference);
        statement.setLong(first + 4, row.lastSequence());
    }

    @Override
    public void end() {
        open.remove();
    }
}
