package dev.buyonce.query.order;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user's live unpaid orders, as the order view holds them (written in each command's own transaction,
 * so an answered order is already counted). Both reads use the index {@code order_view_by_user_status}.
 */
@Component
public class UnpaidOrders {
    private final JdbcTemplate jdbc;

    UnpaidOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many of the user's orders await payment, counted up to {@code atMost} (the cost stays bounded). */
    public int count(UserId user, int atMost) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM order_view WHERE user_id = ?"
                + " AND status = 'AWAITING_PAYMENT' LIMIT ?) unpaid", Integer.class, user.value(), atMost);
        return count == null ? 0 : count;
    }

    /** When the first of the user's unpaid orders meets its payment deadline (and stops counting). */
    public Optional<Instant> earliestDeadline(UserId user) {
        Timestamp first = jdbc.queryForObject("SELECT min(payment_deadline) FROM order_view WHERE user_id = ?"
                + " AND status = 'AWAITING_PAYMENT'", Timestamp.class, user.value());
        return Optional.ofNullable(first).map(Timestamp::toInstant);
    }

    /** Whether the order exists at all: a retry of an existing order is a replay, never a new unpaid order. */
    public boolean exists(OrderId order) {
        Boolean found = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM order_view WHERE order_id = ?)",
                Boolean.class, order.value());
        return Boolean.TRUE.equals(found);
    }
}
