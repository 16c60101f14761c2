package dev.buyonce.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.admin.ReplayBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The orders view: one row per order, its status moved by the order's later events. */
class OrderProjectionTest extends ProjectionTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final OrderId BOOKS = OrderId.forIntent(ALICE, new IdempotencyKey("k1"));
    static final OrderId TICKETS = OrderId.forIntent(BOB, new IdempotencyKey("k2"));
    static final PaymentId CARD = PaymentId.forAttempt(BOOKS, new IdempotencyKey("pay-1"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);
    static final OrderLine LIFETIME = new OrderLine(new ProductId("lifetime"), ProductKind.PERMANENT, 1, Money.of("199.00", "CNY"));
    static final OrderLine COFFEE = new OrderLine(new ProductId("coffee"), ProductKind.CONSUMABLE, 2, Money.of("9.90", "CNY"));
    static final OrderLine FLOOR = new OrderLine(new ProductId("show.floor"), ProductKind.CONSUMABLE, 2, Money.of("80.00", "CNY"));
    static final List<SeatId> SEATS = List.of(new SeatId("A-1"), new SeatId("A-2"));

    static final OrderPlaced BOOKS_PLACED = new OrderPlaced(BOOKS, ALICE, List.of(LIFETIME, COFFEE),
            Money.of("218.80", "CNY"), NOW, DEADLINE, "fp-1");
    static final OrderPlaced TICKETS_PLACED = new OrderPlaced(TICKETS, BOB, List.of(FLOOR), Money.of("160.00", "CNY"),
            NOW.plusSeconds(1), DEADLINE.plusSeconds(1), "fp-2", new ProgramId("show"), SEATS);
    static final OrderPaid BOOKS_PAID = new OrderPaid(BOOKS, ALICE, CARD, Money.of("218.80", "CNY"), NOW.plusSeconds(60));
    static final OrderRefunded BOOKS_REFUNDED = new OrderRefunded(BOOKS, ALICE, CARD, Money.of("218.80", "CNY"), NOW.plusSeconds(600));
    static final OrderCancelled TICKETS_CANCELLED = new OrderCancelled(TICKETS, BOB, CancellationReason.PAYMENT_DEADLINE_PASSED, DEADLINE);

    /**
     * Two orders as the event log interleaves them. Sequences have gaps where the order stored events this
     * view ignores (payment requested, refund requested, payment refunded).
     */
    static final List<Stored> HISTORY = List.of(
            at(0, BOOKS_PLACED), at(0, TICKETS_PLACED), at(2, BOOKS_PAID), at(3, TICKETS_CANCELLED), at(6, BOOKS_REFUNDED));

    @Autowired
    OrderViewRepository repository;
    @Autowired
    ObjectMapper json;
    OrderReplayBatch rebuild;
    OrderProjection projection;

    OrderProjectionTest() {
        super(HISTORY, Map.of("order_view", "order_id"));
    }

    @BeforeEach
    void setUp() {
        rebuild = new OrderReplayBatch(jdbc);
        projection = under(new OrderProjection(repository, json, rebuild));
    }

    @Override
    protected ReplayBatch replayBatch() {
        return rebuild;
    }

    /** Every column goes through a rebuild's batch: inserted where the view lacks the row, updated where it is stale. */
    @Test
    void aRebuildWritesEveryColumnBack() {
        List<Stored> orders = List.of(at(0, new OrderPlaced(BOOKS, ALICE, List.of(COFFEE), Money.of("14.80", "CNY"), NOW,
                DEADLINE, "fp", null, List.of(), new CouponId("five-off"), Money.of("5.00", "CNY"))), at(0, TICKETS_PLACED),
                at(2, new OrderPaid(BOOKS, ALICE, CARD, Money.of("14.80", "CNY"), NOW.plusSeconds(60))));
        given(orders);
        Map<String, List<Map<String, Object>>> live = rows();
        jdbc.update("DELETE FROM order_view");

        replay(orders);
        assertThat(rows()).as("inserted").isEqualTo(live);

        replay(orders);
        assertThat(rows()).as("updated").isEqualTo(live);
    }

    /** A command's transaction moves an order past the batch's events while the batch runs: the batch leaves it. */
    @Test
    void aRebuildBatchDoesNotWriteOverAnOrderACommandMovedOnMeanwhile() {
        given(HISTORY);
        Map<String, Object> refunded = rows("order_view").stream()
                .filter(row -> BOOKS.value().equals(row.get("order_id"))).findFirst().orElseThrow();
        assertThat(refunded).containsEntry("status", "REFUNDED").containsEntry("last_sequence", 6L);
        reset();
        endUnitOfWork();
        List<Stored> replayed = HISTORY.subList(0, 3);

        applyAsBatch(replayed, () -> {
            // the refund's transaction commits meanwhile
            assertThat(jdbc.update("UPDATE order_view SET last_sequence = 6 WHERE order_id = ?", BOOKS.value())).isOne();
        });

        assertThat(rows("order_view")).contains(refunded);
        assertThat(rows("order_view")).anySatisfy(row -> assertThat(row).containsEntry("order_id", TICKETS.value())
                .containsEntry("status", "AWAITING_PAYMENT").containsEntry("last_sequence", 0L));
    }

    @Test
    void aPlacedOrderIsListedAwaitingPayment() throws Exception {
        given(at(0, BOOKS_PLACED));

        assertThat(onlyRow("order_view")).isEqualTo(columns(
                "order_id", BOOKS.value(),
                "user_id", "alice",
                "status", "AWAITING_PAYMENT",
                "items", json.writeValueAsString(List.of(LIFETIME, COFFEE)),
                "total_amount", new BigDecimal("218.80"),
                "total_currency", "CNY",
                "created_at", NOW,
                "payment_deadline", DEADLINE,
                "last_sequence", 0L,
                "seats", null,
                "coupon_id", null,
                "discount_amount", null,
                "request_fingerprint", "fp-1"));
    }

    @Test
    void anOrderWithACouponKeepsTheCouponAndItsDiscount() {
        given(at(0, new OrderPlaced(BOOKS, ALICE, List.of(COFFEE), Money.of("14.80", "CNY"), NOW, DEADLINE, "fp", null,
                List.of(), new CouponId("five-off"), Money.of("5.00", "CNY"))));

        assertThat(onlyRow("order_view")).containsEntry("coupon_id", "five-off")
                .containsEntry("discount_amount", new BigDecimal("5.00"))
                .containsEntry("total_amount", new BigDecimal("14.80"));
    }

    @Test
    void aTicketOrderIsListedWithItsSeats() {
        given(at(0, TICKETS_PLACED));

        assertThat(new OrderQueries(repository, json).find(BOB, TICKETS)).contains(new OrderView(TICKETS, BOB,
                OrderStatus.AWAITING_PAYMENT, List.of(FLOOR), Money.of("160.00", "CNY"), NOW.plusSeconds(1),
                DEADLINE.plusSeconds(1), SEATS));
    }

    @Test
    void payingThenRefundingMovesTheStatus() {
        given(at(0, BOOKS_PLACED), at(2, BOOKS_PAID));
        assertThat(onlyRow("order_view")).containsEntry("status", "PAID").containsEntry("last_sequence", 2L);

        given(at(6, BOOKS_REFUNDED));
        assertThat(onlyRow("order_view")).containsEntry("status", "REFUNDED").containsEntry("last_sequence", 6L);
    }

    @Test
    void cancellingMovesTheStatusAndKeepsEverythingElse() {
        given(at(0, TICKETS_PLACED));
        Map<String, Object> placed = onlyRow("order_view");

        given(at(3, TICKETS_CANCELLED));

        placed.put("status", "CANCELLED");
        placed.put("last_sequence", 3L);
        assertThat(onlyRow("order_view")).isEqualTo(placed);
    }

    @Test
    void aStatusEventOfAnOrderNotInTheViewAddsNoRow() {
        given(at(2, BOOKS_PAID), at(3, TICKETS_CANCELLED));

        assertThat(rows("order_view")).isEmpty();
    }

    @Test
    void anOlderEventArrivingLateDoesNotRollTheOrderBack() {
        given(at(0, BOOKS_PLACED), at(6, BOOKS_REFUNDED));

        given(at(2, BOOKS_PAID), at(0, BOOKS_PLACED));

        assertThat(onlyRow("order_view")).containsEntry("status", "REFUNDED").containsEntry("last_sequence", 6L);
    }

    @Test
    void theHistoryEndsWithOneOrderRefundedAndOneCancelled() {
        given(HISTORY);

        assertThat(rows("order_view")).extracting(row -> row.get("order_id") + " " + row.get("status") + " " + row.get("last_sequence"))
                .containsExactlyInAnyOrder(BOOKS + " REFUNDED 6", TICKETS + " CANCELLED 3");
    }

    @Test
    void afterAResetTheOrdersAreStillAnswered() {
        given(HISTORY);

        projection.reset();

        assertThat(new OrderQueries(repository, json).find(ALICE, BOOKS)).map(OrderView::status).contains(OrderStatus.REFUNDED);
    }
}
