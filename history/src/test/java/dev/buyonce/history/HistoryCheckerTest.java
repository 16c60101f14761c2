package dev.buyonce.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker finds each kind of broken guarantee in a crafted event log, and nothing in a sound one. */
class HistoryCheckerTest {
    private Connection db;
    private long index;

    @BeforeEach
    void createLog() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL");
        db.createStatement().execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY, "
                + "aggregate_identifier VARCHAR(255), payload_type VARCHAR(255), payload BYTEA, meta_data BYTEA)");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void aSoundRunIsClean() throws SQLException {
        placed("o1", "ann", "k1", "PERMANENT", "book");
        event("o1", "payment.OrderPaid", "{\"orderId\":\"o1\"}");
        placed("o2", "ann", "k2", "PERMANENT", "film");
        event("o2", "order.OrderCancelled", "{\"orderId\":\"o2\"}");
        placed("o3", "ann", "k3", "PERMANENT", "film"); // the first one for the film was cancelled
        seat("s1", "ticket.SeatHeld", "o1");
        seat("s1", "ticket.SeatReleased", "o1");
        seat("s1", "ticket.SeatHeld", "o3");
        seat("s1", "ticket.SeatSold", "o3");
        event("c", "coupon.CouponDefined", "{\"couponId\":\"c\",\"stock\":2}");
        event("c-ann", "coupon.CouponClaimed", "{\"couponId\":\"c\",\"userId\":\"ann\"}");
        event("c-ann", "coupon.CouponRedeemed", "{\"claimId\":\"c-ann\",\"orderId\":\"o2\"}");
        event("c-ann", "coupon.CouponReturned", "{\"claimId\":\"c-ann\",\"orderId\":\"o2\"}");
        event("c-ann", "coupon.CouponRedeemed", "{\"claimId\":\"c-ann\",\"orderId\":\"o3\"}"); // given back first
        History history = new History();
        history.record(op("ann", "k1", 201, "{\"orderId\":\"o1\"}"));
        history.record(new History.Op("claim-coupon", "ann", "c1", 201, "{\"couponId\":\"c\"}", Instant.now(), Instant.now()));
        history.record(op("ann", "k1", 200, "{\"orderId\":\"o1\"}"));
        history.record(op("ann", "k9", 0, "connection reset")); // unanswered: may or may not exist

        HistoryChecker.Report report = HistoryChecker.check(db, history, reconciliation("[]"));

        assertThat(report.violations()).isEmpty();
        assertThat(report.counts()).containsEntry("orders placed", 3L).containsEntry("orders acknowledged", 2L);
    }

    @Test
    void findsEveryBrokenGuarantee() throws SQLException {
        placed("o1", "ann", "k1", "CONSUMABLE", "coffee");
        placed("o2", "ann", "k1", "CONSUMABLE", "coffee");           // one key, two orders
        placed("o3", "bob", "k1", "PERMANENT", "book");
        placed("o4", "bob", "k2", "PERMANENT", "book");              // two live orders for a permanent product
        event("o3", "payment.OrderPaid", "{\"orderId\":\"o3\"}");
        event("o3", "payment.OrderPaid", "{\"orderId\":\"o3\"}");     // two captures kept
        seat("s1", "ticket.SeatHeld", "o1");
        seat("s1", "ticket.SeatHeld", "o2");                         // a seat with two holders
        event("c", "coupon.CouponDefined", "{\"couponId\":\"c\",\"stock\":1}");
        event("c-ann", "coupon.CouponClaimed", "{\"couponId\":\"c\",\"userId\":\"ann\"}");
        event("c-ann", "coupon.CouponClaimed", "{\"couponId\":\"c\",\"userId\":\"ann\"}"); // twice, over stock
        event("c-ann", "coupon.CouponRedeemed", "{\"claimId\":\"c-ann\",\"orderId\":\"o1\"}");
        event("c-ann", "coupon.CouponRedeemed", "{\"claimId\":\"c-ann\",\"orderId\":\"o2\"}"); // used twice at once
        History history = new History();
        history.record(new History.Op("claim-coupon", "eve", "c1", 201, "{\"couponId\":\"c\"}", Instant.now(), Instant.now()));
        history.record(op("cid", "k1", 201, "{\"orderId\":\"lost\"}"));  // acknowledged, never stored
        history.record(op("dan", "k1", 201, "{\"orderId\":\"o1\"}"));
        history.record(op("dan", "k1", 200, "{\"orderId\":\"o2\"}"));   // one key answered two orders

        HistoryChecker.Report report = HistoryChecker.check(db, history,
                reconciliation("[{\"paymentId\":\"p\"}]"));

        assertThat(report.violations()).anyMatch(v -> v.contains("key k1 has two orders"))
                .anyMatch(v -> v.contains("two live or paid orders"))
                .anyMatch(v -> v.contains("keeps two captures"))
                .anyMatch(v -> v.contains("seat A-1 held for order o2 while order o1 had it"))
                .anyMatch(v -> v.contains("claimed coupon c twice"))
                .anyMatch(v -> v.contains("2 claims for a stock of 1"))
                .anyMatch(v -> v.contains("coupon claim c-ann used by order o2 while order o1 used it"))
                .anyMatch(v -> v.contains("acknowledged claim of coupon c by user eve"))
                .anyMatch(v -> v.contains("acknowledged order lost"))
                .anyMatch(v -> v.contains("was answered two orders"))
                .anyMatch(v -> v.contains("reconciliation unexplained"));
        assertThat(report.clean()).isFalse();
    }

    private void placed(String order, String user, String key, String kind, String product) throws SQLException {
        insert(order, "order.OrderPlaced", """
                {"orderId":"%s","userId":"%s","lines":[{"productId":"%s","kind":"%s","quantity":1}]}"""
                .formatted(order, user, product, kind), "{\"userId\":\"%s\",\"idempotencyKey\":\"%s\"}".formatted(user, key));
    }

    private void seat(String seat, String type, String order) throws SQLException {
        event(seat, type, "{\"seatId\":\"A-1\",\"orderId\":\"%s\"}".formatted(order));
    }

    private void event(String aggregate, String type, String payload) throws SQLException {
        insert(aggregate, type, payload, "{}");
    }

    private void insert(String aggregate, String type, String payload, String metaData) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO domain_event_entry VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, ++index);
            insert.setString(2, aggregate);
            insert.setString(3, "dev.buyonce.kernel." + type);
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, metaData.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static History.Op op(String user, String key, int status, String answer) {
        return new History.Op("place-order", user, key, status, answer, Instant.now(), Instant.now());
    }

    private static com.fasterxml.jackson.databind.JsonNode reconciliation(String unexplained) {
        try {
            return new ObjectMapper().readTree("{\"unexplained\":" + unexplained + ",\"paidWithoutCapture\":[]}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
