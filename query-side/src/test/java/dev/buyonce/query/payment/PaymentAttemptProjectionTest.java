package dev.buyonce.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.CaptureRejection;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.admin.ReplayBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The payment attempts of each order: one row per attempt, moved by its order's later events. */
class PaymentAttemptProjectionTest extends ProjectionTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final OrderId BOOKS = OrderId.forIntent(ALICE, new IdempotencyKey("k1"));
    static final OrderId TICKETS = OrderId.forIntent(BOB, new IdempotencyKey("k2"));
    static final PaymentId CARD = PaymentId.forAttempt(BOOKS, new IdempotencyKey("pay-card"));
    static final PaymentId WALLET = PaymentId.forAttempt(BOOKS, new IdempotencyKey("pay-wallet"));
    static final PaymentId LATE = PaymentId.forAttempt(TICKETS, new IdempotencyKey("pay-late"));
    static final Money BOOKS_TOTAL = Money.of("218.80", "CNY");
    static final Money TICKETS_TOTAL = Money.of("160.00", "CNY");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00.000001Z");

    static final PaymentRequested CARD_REQUESTED =
            new PaymentRequested(BOOKS, CARD, ALICE, "sandbox", "sandbox-card", BOOKS_TOTAL, NOW, NOW.plusSeconds(900));
    static final PaymentRequested WALLET_REQUESTED =
            new PaymentRequested(BOOKS, WALLET, ALICE, "sandbox", "sandbox-wallet", BOOKS_TOTAL, NOW.plusSeconds(10), NOW.plusSeconds(900));
    static final PaymentAttemptClosed CARD_CLOSED = new PaymentAttemptClosed(BOOKS, CARD, NOW.plusSeconds(20));
    static final OrderPaid PAID_BY_WALLET = new OrderPaid(BOOKS, ALICE, WALLET, BOOKS_TOTAL, NOW.plusSeconds(30));
    static final PaymentRefunded WALLET_REFUNDED =
            new PaymentRefunded(BOOKS, WALLET, RefundId.forPayment(WALLET), BOOKS_TOTAL, NOW.plusSeconds(600));
    static final PaymentRequested LATE_REQUESTED =
            new PaymentRequested(TICKETS, LATE, BOB, "sandbox", "sandbox-card", TICKETS_TOTAL, NOW.plusSeconds(5), NOW.plusSeconds(900));
    static final PaymentCaptureRejected LATE_REJECTED = new PaymentCaptureRejected(TICKETS, LATE, "sandbox", TICKETS_TOTAL,
            CaptureRejection.ORDER_CANCELLED, NOW.plusSeconds(1000));
    static final PaymentRefunded LATE_REFUNDED =
            new PaymentRefunded(TICKETS, LATE, RefundId.forPayment(LATE), TICKETS_TOTAL, NOW.plusSeconds(1100));

    /**
     * Alice pays by wallet after trying a card, then is refunded; Bob's money arrives after his order was
     * cancelled and goes back. Sequences are the orders' own, with gaps for events this view ignores.
     */
    static final List<Stored> HISTORY = List.of(at(1, CARD_REQUESTED), at(1, LATE_REQUESTED), at(2, WALLET_REQUESTED),
            at(3, CARD_CLOSED), at(4, PAID_BY_WALLET), at(3, LATE_REJECTED), at(4, LATE_REFUNDED), at(6, WALLET_REFUNDED));

    @Autowired
    PaymentAttemptViewRepository repository;
    PaymentAttemptReplayBatch rebuild;
    PaymentAttemptProjection projection;

    PaymentAttemptProjectionTest() {
        super(HISTORY, Map.of("payment_attempt_view", "payment_id"));
    }

    @BeforeEach
    void setUp() {
        rebuild = new PaymentAttemptReplayBatch(jdbc);
        projection = under(new PaymentAttemptProjection(repository, rebuild));
    }

    @Override
    protected ReplayBatch replayBatch() {
        return rebuild;
    }

    @Test
    void aRebuildInsertsTheAttemptsTheViewLacks() {
        given(HISTORY);
        Map<String, List<Map<String, Object>>> live = rows();
        jdbc.update("DELETE FROM payment_attempt_view");

        replay(HISTORY);

        assertThat(rows()).isEqualTo(live);
    }

    /** A command's transaction moves an attempt past the batch's events while the batch runs: the batch leaves it. */
    @Test
    void aRebuildBatchDoesNotWriteOverAnAttemptACommandMovedOnMeanwhile() {
        given(HISTORY);
        Map<String, Object> refunded = row(WALLET);
        assertThat(refunded).containsEntry("status", "REFUNDED").containsEntry("last_sequence", 6L);
        reset();
        endUnitOfWork();

        applyAsBatch(HISTORY.subList(0, 5), () -> {
            // the refund's transaction commits meanwhile
            assertThat(jdbc.update("UPDATE payment_attempt_view SET last_sequence = 6 WHERE payment_id = ?", WALLET.value())).isOne();
        });

        assertThat(row(WALLET)).isEqualTo(refunded);
        assertThat(row(CARD)).isEqualTo(cardAttempt("CLOSED", 3));
    }

    static Map<String, Object> cardAttempt(String status, long sequence) {
        return columns("payment_id", CARD.value(), "order_id", BOOKS.value(), "user_id", "alice",
                "channel", "sandbox-card", "status", status, "amount", new BigDecimal("218.80"), "currency", "CNY",
                "requested_at", NOW, "flag", null, "last_sequence", sequence);
    }

    Map<String, Object> row(PaymentId payment) {
        return rows("payment_attempt_view").stream().filter(row -> payment.value().equals(row.get("payment_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no row for payment " + payment));
    }

    @Test
    void aRequestedPaymentIsPending() {
        given(at(1, CARD_REQUESTED));

        assertThat(onlyRow("payment_attempt_view")).isEqualTo(cardAttempt("PENDING", 1));
    }

    @Test
    void aClosedAttemptIsClosed() {
        given(at(1, CARD_REQUESTED), at(3, CARD_CLOSED));

        assertThat(onlyRow("payment_attempt_view")).isEqualTo(cardAttempt("CLOSED", 3));
    }

    @Test
    void theAttemptThatPaidIsCapturedAndLaterRefunded() {
        given(at(1, CARD_REQUESTED), at(2, WALLET_REQUESTED), at(4, PAID_BY_WALLET));
        assertThat(row(WALLET)).containsEntry("status", "CAPTURED").containsEntry("last_sequence", 4L);
        assertThat(row(CARD)).isEqualTo(cardAttempt("PENDING", 1));

        given(at(6, WALLET_REFUNDED));
        assertThat(row(WALLET)).containsEntry("status", "REFUNDED").containsEntry("flag", null)
                .containsEntry("last_sequence", 6L);
    }

    @Test
    void aRejectedCaptureIsCapturedAndFlaggedWithItsReason() {
        given(at(1, LATE_REQUESTED), at(3, LATE_REJECTED));

        assertThat(onlyRow("payment_attempt_view")).isEqualTo(columns("payment_id", LATE.value(), "order_id", TICKETS.value(),
                "user_id", "bob", "channel", "sandbox-card", "status", "CAPTURED", "amount", new BigDecimal("160.00"),
                "currency", "CNY", "requested_at", NOW.plusSeconds(5), "flag", "ORDER_CANCELLED", "last_sequence", 3L));

        given(at(4, LATE_REFUNDED));
        assertThat(onlyRow("payment_attempt_view")).containsEntry("status", "REFUNDED").containsEntry("flag", "ORDER_CANCELLED");
    }

    @Test
    void aCaptureOfAnAttemptNeverRequestedGetsNoRow() {
        PaymentId unknown = PaymentId.forAttempt(TICKETS, new IdempotencyKey("never"));

        given(at(2, new PaymentCaptureRejected(TICKETS, unknown, "sandbox", TICKETS_TOTAL, CaptureRejection.UNKNOWN_ATTEMPT, NOW)),
                at(3, new PaymentRefunded(TICKETS, unknown, RefundId.forPayment(unknown), TICKETS_TOTAL, NOW)));

        assertThat(rows("payment_attempt_view")).isEmpty();
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoTheRefund() {
        given(at(2, WALLET_REQUESTED), at(4, PAID_BY_WALLET), at(6, WALLET_REFUNDED));

        given(at(4, PAID_BY_WALLET), at(2, WALLET_REQUESTED));

        assertThat(row(WALLET)).containsEntry("status", "REFUNDED").containsEntry("last_sequence", 6L);
    }

    @Test
    void theHistoryEndsWithTheCardClosedAndBothCapturesRefunded() {
        given(HISTORY);

        assertThat(row(CARD)).isEqualTo(cardAttempt("CLOSED", 3));
        assertThat(row(WALLET)).containsEntry("status", "REFUNDED").containsEntry("flag", null).containsEntry("last_sequence", 6L);
        assertThat(row(LATE)).containsEntry("status", "REFUNDED").containsEntry("flag", "ORDER_CANCELLED")
                .containsEntry("last_sequence", 4L);
    }
}
