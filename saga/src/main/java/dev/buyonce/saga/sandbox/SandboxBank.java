package dev.buyonce.saga.sandbox;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.saga.provider.PaymentOrder;
import dev.buyonce.saga.provider.ProviderLedgerEntry;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.ProviderPaymentState;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox provider's side: its payments and its ledger. It behaves like an external system, so every
 * operation runs in a transaction of its own (never joining ours) and locks the payment row, which makes
 * paying and closing one payment mutually exclusive, as at a real provider.
 */
@Component
@ConditionalOnProperty(name = "buyonce.payments.sandbox.enabled", havingValue = "true")
class SandboxBank {
    static final String CREATED = "CREATED";
    static final String PAID = "PAID";
    static final String CLOSED = "CLOSED";
    static final String REFUNDED = "REFUNDED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SandboxBank(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A payment the customer paid: what the notification will say. */
    record Capture(PaymentId paymentId, OrderId orderId, Money amount, Instant capturedAt) {
    }

    private record Row(PaymentId paymentId, OrderId orderId, Money amount, String status, Instant capturedAt) {
    }

    void create(PaymentOrder order) {
        try {
            insertIfAbsent(order);
        } catch (DuplicateKeyException raced) {
            // the same merchant payment number was created concurrently: that one is ours too
        }
    }

    private void insertIfAbsent(PaymentOrder order) {
        inOwnTransaction(() -> {
            if (find(order.paymentId(), false).isEmpty()) {
                jdbc.update("""
                        INSERT INTO sandbox_payment (payment_id, order_id, channel, amount, currency, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", order.paymentId().value(), order.orderId().value(),
                        order.channel(), order.amount().amount(), order.amount().currency(), CREATED, timestamp(now()));
            }
            return null;
        });
    }

    /** The customer pays. A paid payment cannot be paid again; a closed one only when {@code force}d. */
    Capture pay(PaymentId paymentId, boolean force) {
        return inOwnTransaction(() -> {
            Row row = find(paymentId, true).orElseThrow(() ->
                    new RuleViolation(ErrorCode.NOT_FOUND, "no sandbox payment " + paymentId));
            if (!row.status().equals(CREATED) && !(row.status().equals(CLOSED) && force)) {
                throw new RuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE, "sandbox payment " + paymentId + " is "
                        + row.status(), java.util.Map.of("paymentId", paymentId.toString(), "paymentStatus", row.status()));
            }
            Instant at = now();
            jdbc.update("UPDATE sandbox_payment SET status = ?, captured_at = ? WHERE payment_id = ?", PAID,
                    timestamp(at), paymentId.value());
            addToLedger(row, ProviderLedgerEntry.CAPTURE, at, null);
            return new Capture(paymentId, row.orderId(), row.amount(), at);
        });
    }

    ProviderPayment query(PaymentId paymentId) {
        return inOwnTransaction(() -> find(paymentId, false).map(SandboxBank::asProviderPayment)
                .orElseGet(() -> ProviderPayment.notFound(paymentId)));
    }

    ProviderPayment close(PaymentId paymentId) {
        return inOwnTransaction(() -> find(paymentId, true).map(row -> {
            if (row.status().equals(CREATED)) {
                jdbc.update("UPDATE sandbox_payment SET status = ? WHERE payment_id = ?", CLOSED, paymentId.value());
                return new ProviderPayment(paymentId, ProviderPaymentState.CLOSED, null, null);
            }
            return asProviderPayment(row);
        }).orElseGet(() -> ProviderPayment.notFound(paymentId)));
    }

    /** Idempotent by refund request number; only a captured payment can be refunded, and only in full. */
    RefundOutcome refund(RefundRequest request) {
        return inOwnTransaction(() -> {
            Optional<Row> found = find(request.paymentId(), true);
            Integer known = jdbc.queryForObject("SELECT count(*) FROM sandbox_ledger WHERE refund_no = ?",
                    Integer.class, request.refundId().value());
            if (known != null && known > 0) {
                return RefundOutcome.REFUNDED;
            }
            if (found.isEmpty() || !found.get().status().equals(PAID) || !found.get().amount().equals(request.amount())) {
                return RefundOutcome.REFUSED;
            }
            jdbc.update("UPDATE sandbox_payment SET status = ? WHERE payment_id = ?", REFUNDED,
                    request.paymentId().value());
            addToLedger(found.get(), ProviderLedgerEntry.REFUND, now(), request.refundId().value());
            return RefundOutcome.REFUNDED;
        });
    }

    List<ProviderLedgerEntry> ledger() {
        return jdbc.query("""
                SELECT payment_id, order_id, type, amount, currency, entry_at FROM sandbox_ledger ORDER BY entry_id""",
                (rs, i) -> new ProviderLedgerEntry(new PaymentId(uuid(rs, "payment_id")), new OrderId(uuid(rs, "order_id")),
                        rs.getString("type"), new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                        rs.getTimestamp("entry_at").toInstant()));
    }

    private void addToLedger(Row row, String type, Instant at, UUID refundNo) {
        jdbc.update("""
                INSERT INTO sandbox_ledger (payment_id, order_id, type, amount, currency, entry_at, refund_no)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", row.paymentId().value(), row.orderId().value(), type,
                row.amount().amount(), row.amount().currency(), timestamp(at), refundNo);
    }

    private Optional<Row> find(PaymentId paymentId, boolean forUpdate) {
        return jdbc.query("SELECT payment_id, order_id, amount, currency, status, captured_at FROM sandbox_payment"
                        + " WHERE payment_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                (rs, i) -> new Row(new PaymentId(uuid(rs, "payment_id")), new OrderId(uuid(rs, "order_id")),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("status"),
                        rs.getTimestamp("captured_at") == null ? null : rs.getTimestamp("captured_at").toInstant()),
                paymentId.value()).stream().findFirst();
    }

    private static ProviderPayment asProviderPayment(Row row) {
        return switch (row.status()) {
            case PAID -> new ProviderPayment(row.paymentId(), ProviderPaymentState.CAPTURED, row.amount(), row.capturedAt());
            case REFUNDED -> new ProviderPayment(row.paymentId(), ProviderPaymentState.REFUNDED, row.amount(), row.capturedAt());
            case CLOSED -> new ProviderPayment(row.paymentId(), ProviderPaymentState.CLOSED, null, null);
            default -> new ProviderPayment(row.paymentId(), ProviderPaymentState.PENDING, null, null);
        };
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
