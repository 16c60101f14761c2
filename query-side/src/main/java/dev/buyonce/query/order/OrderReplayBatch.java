package dev.buyonce.query.order;

import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.query.UuidKeyedReplay;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orders view's rebuild, set-based: a batch's orders read in one query, changed in memory by
 * {@link OrderProjection}'s handlers, written back as one JDBC batch; an update only over a stored row that has applied
 * an older event (a command's transaction may have moved it on meanwhile).
 */
@Component
class OrderReplayBatch extends UuidKeyedReplay<OrderEntity> {

    OrderReplayBatch(JdbcTemplate jdbc) {
        super(jdbc, "order_view", "order_id", List.of("user_id", "status", "items", "total_amount", "total_currency",
                "created_at", "payment_deadline", "seats", "coupon_id", "discount_amount", "request_fingerprint"));
    }

    @Override
    public String view() {
        return OrderProjection.GROUP;
    }

    @Override
    protected UUID keyOf(Object payload) {
        if (payload instanceof OrderPlaced placed) {
            return placed.orderId().value();
        } else if (payload instanceof OrderCancelled cancelled) {
            return cancelled.orderId().value();
        } else if (payload instanceof OrderPaid paid) {
            return paid.orderId().value();
        } else if (payload instanceof OrderRefunded refunded) {
            return refunded.orderId().value();
        }
        return null;
    }

    @Override
    protected OrderEntity stored(ResultSet row) throws SQLException {
        OrderEntity order = new OrderEntity(row.getObject("order_id", UUID.class), row.getLong("last_sequence"));
        order.userId = row.getString("user_id");
        order.status = row.getString("status");
        order.items = row.getString("items");
        order.totalAmount = row.getBigDecimal("total_amount");
        order.totalCurrency = row.getString("total_currency");
        order.createdAt = instant(row, "created_at");
        order.paymentDeadline = instant(row, "payment_deadline");
        order.seats = row.getString("seats");
        order.couponId = row.getString("coupon_id");
        order.discountAmount = row.getBigDecimal("discount_amount");
        order.requestFingerprint = row.getString("request_fingerprint");
        return order;
    }

    @Override
    protected void bind(PreparedStatement statement, OrderEntity row) throws SQLException {
        statement.setString(1, row.userId);
        statement.setString(2, row.status);
        statement.setString(3, row.items);
        statement.setBigDecimal(4, row.totalAmount);
        statement.setString(5, row.totalCurrency);
        statement.setObject(6, utc(row.createdAt));
        statement.setObject(7, utc(row.paymentDeadline));
        statement.setString(8, row.seats);
        statement.setString(9, row.couponId);
        statement.setBigDecimal(10, row.discountAmount);
        statement.setString(11, row.requestFingerprint);
    }
}
