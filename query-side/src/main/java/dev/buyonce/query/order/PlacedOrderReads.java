package dev.buyonce.query.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.PlacedOrders;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order view's answer to a repeated order request: one autocommit read of the row, outside any transaction.
 * So it costs one statement, and when the database cannot be reached it fails with the driver's own connection
 * error (answered 503 like any outage) rather than with the failed rollback of a transaction nobody needed.
 */
@Component
class PlacedOrderReads implements PlacedOrders {
    private static final String ROW = "SELECT order_id, user_id, status, items, total_amount, total_currency, created_at,"
            + " payment_deadline, seats, coupon_id, discount_amount, request_fingerprint, last_sequence"
            + " FROM order_view WHERE order_id = ?";
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlacedOrderReads(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Placed> findPlaced(OrderId orderId) {
        return jdbc.query(ROW, (rows, n) -> entity(rows), orderId.value()).stream().findFirst()
                .filter(row -> row.requestFingerprint != null)
                .map(row -> new Placed(row.toView(json), row.requestFingerprint));
    }

    private static OrderEntity entity(ResultSet row) throws SQLException {
        return new OrderEntity(row.getObject("order_id", UUID.class), row.getString("user_id"), row.getString("status"),
                row.getString("items"), row.getBigDecimal("total_amount"), row.getString("total_currency"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("payment_deadline", OffsetDateTime.class).toInstant(), row.getLong("last_sequence"))
                .withSeats(row.getString("seats"))
                .withCoupon(row.getString("coupon_id"), row.getObject("discount_amount", BigDecimal.class))
                .withFingerprint(row.getString("request_fingerprint"));
    }
}
