package dev.buyonce.query.payment;

import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.query.UuidKeyedReplay;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payment attempts view's rebuild, set-based: a batch's attempts read in one query, changed in memory by
 * {@link PaymentAttemptProjection}'s handlers, written back as one JDBC batch; an update only over a stored row that
 * has applied an older event (a command's transaction may have moved it on meanwhile).
 */
@Component
class PaymentAttemptReplayBatch extends UuidKeyedReplay<PaymentAttemptEntity> {

    PaymentAttemptReplayBatch(JdbcTemplate jdbc) {
        super(jdbc, "payment_attempt_view", "payment_id",
                List.of("order_id", "user_id", "channel", "status", "amount", "currency", "requested_at", "flag"));
    }

    @Override
    public String view() {
        return PaymentAttemptProjection.GROUP;
    }

    @Override
    protected UUID keyOf(Object payload) {
        if (payload instanceof PaymentRequested requested) {
            return requested.paymentId().value();
        } else if (payload instanceof OrderPaid paid) {
            return paid.paymentId().value();
        } else if (payload instanceof PaymentCaptureRejected rejected) {
            return rejected.paymentId().value();
        } else if (payload instanceof PaymentAttemptClosed closed) {
            return closed.paymentId().value();
        } else if (payload instanceof PaymentRefunded refunded) {
            return refunded.paymentId().value();
        }
        return null;
    }

    @Override
    protected PaymentAttemptEntity stored(ResultSet row) throws SQLException {
        PaymentAttemptEntity attempt = new PaymentAttemptEntity(row.getObject("payment_id", UUID.class),
                row.getLong("last_sequence"));
        attempt.orderId = row.getObject("order_id", UUID.class);
        attempt.userId = row.getString("user_id");
        attempt.channel = row.getString("channel");
        attempt.status = row.getString("status");
        attempt.amount = row.getBigDecimal("amount");
        attempt.currency = row.getString("currency");
        attempt.requestedAt = instant(row, "requested_at");
        attempt.flag = row.getString("flag");
        return attempt;
    }

    @Override
    protected void bind(PreparedStatement statement, PaymentAttemptEntity row) throws SQLException {
        statement.setObject(1, row.orderId);
        statement.setString(2, row.userId);
        statement.setString(3, row.channel);
        statement.setString(4, row.status);
        statement.setBigDecimal(5, row.amount);
        statement.setString(6, row.currency);
        statement.setObject(7, utc(row.requestedAt));
        statement.setString(8, row.flag);
    }
}
