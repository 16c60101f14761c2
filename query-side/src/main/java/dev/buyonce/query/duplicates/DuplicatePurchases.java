package dev.buyonce.query.duplicates;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records consumable purchases and finds pairs by one user, for one product and the same total, placed
 * within ten minutes of each other: two keys, so two orders, though perhaps one intent. Support follows
 * them up; nothing is refused automatically, since buying the same coffee twice can be meant.
 */
@Component
@ProcessingGroup(DuplicatePurchases.GROUP)
class DuplicatePurchases {
    static final String GROUP = "purchase-patterns";
    static final int WINDOW_MINUTES = 10;
    static final int MAX_PAIRS = 500;
    private final JdbcTemplate jdbc;

    DuplicatePurchases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Suspect(String userId, String productId, Money total, List<SuspectOrder> orders) {
    }

    record SuspectOrder(UUID orderId, Instant createdAt) {
    }

    /** Idempotent: a purchase is an immutable fact, recorded once per (order, product) by the primary key. */
    @EventHandler
    void on(OrderPlaced event) {
        for (OrderLine line : event.lines()) {
            if (line.kind() == ProductKind.CONSUMABLE) {
                jdbc.update("INSERT INTO consumable_purchase_view (order_id, product_id, user_id, total_amount, "
                                + "total_currency, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        event.orderId().value(), line.productId().value(), event.userId().value(),
                        event.total().amount(), event.total().currency(), Timestamp.from(event.placedAt()));
            }
        }
    }

    List<Suspect> suspects(Instant since) {
        return jdbc.query("""
                SELECT a.user_id, a.product_id, a.total_amount, a.total_currency,
                       a.order_id AS first_order, a.created_at AS first_at, b.order_id AS second_order, b.created_at AS second_at
                  FROM consumable_purchase_view a
                  JOIN consumable_purchase_view b
                    ON b.user_id = a.user_id AND b.product_id = a.product_id
                   AND b.total_amount = a.total_amount AND b.total_currency = a.total_currency
                   AND (b.created_at > a.created_at OR (b.created_at = a.created_at AND b.order_id > a.order_id))
                   AND b.created_at <= a.created_at + INTERVAL '%d' MINUTE
                 WHERE a.created_at >= ?
                 ORDER BY a.created_at DESC, a.order_id
                 LIMIT %d
                """.formatted(WINDOW_MINUTES, MAX_PAIRS), (row, i) -> new Suspect(row.getString("user_id"),
                row.getString("product_id"), new Money(row.getBigDecimal("total_amount"), row.getString("total_currency")),
                List.of(new SuspectOrder(row.getObject("first_order", UUID.class), row.getTimestamp("first_at").toInstant()),
                        new SuspectOrder(row.getObject("second_order", UUID.class), row.getTimestamp("second_at").toInstant()))),
                Timestamp.from(since));
    }
}
