package dev.buyonce.query.order;

import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.query.SetBasedReplay;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The orders view's rebuild, set-based: a batch's orders read in one query, changed in memory by
 * {@link OrderProjection}'s handlers, written back as one JDBC batch; an update only over a stored row that has applied
 * an older event (a command's transaction may have moved it on meanwhile).
 */
@Component
class OrderReplayBatch extends SetBasedReplay<UUID, OrderEntity> {
    private static final String VALUES = "user_id, status, items, total_amount, total_currency, created_at, "
            + "payment_deadline, seats, coupon_id, discount_amount, request_fingerprint, last_sequence";
    private final JdbcTemplate jdbc;

    OrderReplayBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String view() {
        return OrderProjection.GROUP;
    }

    @Override
    protected Map<UUID, OrderEntity> read(List<? extends EventMessage<?>> batch) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : batch) {
            OrderId order = orderOf(event.getPayload());
            if (order != null) {
                ids.add(order.value());
            }
        }
        Map<UUID, OrderEntity> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(
                    "SELECT order_id, " + VALUES + " FROM order_view WHERE order_id = ANY(?)");
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return select;
        }, row -> {
            OrderEntity order = new OrderEntity(row.getObject("order_id", UUID.class), row.getLong("last_sequence"));
            order.userId = row.getString("user_id");
            order.status = row.getString("status");
            order.items = row.getString("items");
            order.totalAmount = row.getBigDecimal("total_amount");
            order.totalCurrency = row.getString("total_currency");
            order.createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
            order.paymentDeadline = row.getObject("payment_deadline", OffsetDateTime.class).toInstant();
            order.seats = row.getString("seats");
            order.couponId = row.getString("coupon_id");
            order.discountAmount = row.getBigDecimal("discount_amount");
            order.requestFingerprint = row.getString("request_fingerprint");
            rows.put(order.orderId, order);
        });
        return rows;
    }

    private static OrderId orderOf(Object payload) {
        if (payload instanceof OrderPlaced placed) {
            return placed.orderId();
        } else if (payload instanceof OrderCancelled cancelled) {
            return cancelled.orderId();
        } else if (payload instanceof OrderPaid paid) {
            return paid.orderId();
        } else if (payload instanceof OrderRefunded refunded) {
            return refunded.orderId();
        }
        return null;
    }

    @Override
    protected void update(List<OrderEntity> rows) {
        jdbc.batchUpdate("UPDATE order_view SET " + VALUES.replace(",", " = ?,") + " = ?"
                + " WHERE order_id = ? AND last_sequence < ?", rows, rows.size(), (statement, row) -> {
                    setValues(statement, row, 1);
                    statement.setObject(13, row.orderId);
                    statement.setLong(14, row.lastSequence());
                });
    }

    @Override
    protected void insert(List<OrderEntity> rows) {
        jdbc.batchUpdate("INSERT INTO order_view (order_id, " + VALUES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, rows.size(), (statement, row) -> {
                    statement.setObject(1, row.orderId);
                    setValues(statement, row, 2);
                });
    }

    /** The columns of {@link #VALUES}, in that order, from parameter {@code first} on. */
    private static void setValues(PreparedStatement statement, OrderEntity row, int first) throws SQLException {
        statement.setString(first, row.userId);
        statement.setString(first + 1, row.status);
        statement.setString(first + 2, row.items);
        statement.setBigDecimal(first + 3, row.totalAmount);
        statement.setString(first + 4, row.totalCurrency);
        statement.setObject(first + 5, utc(row.createdAt));
        statement.setObject(first + 6, utc(row.paymentDeadline));
        statement.setString(first + 7, row.seats);
        statement.setString(first + 8, row.couponId);
        statement.setBigDecimal(first + 9, row.discountAmount);
        statement.setString(first + 10, row.requestFingerprint);
        statement.setLong(first + 11, row.lastSequence());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
