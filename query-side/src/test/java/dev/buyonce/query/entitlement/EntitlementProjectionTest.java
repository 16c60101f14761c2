package dev.buyonce.query.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.admin.ReplayBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The permanent-ownership view: one row per (user, product), moved by its Entitlement aggregate's events. */
class EntitlementProjectionTest extends ProjectionTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final ProductId LIFETIME = new ProductId("lifetime");
    static final EntitlementId ALICE_LIFETIME = EntitlementId.of(ALICE, LIFETIME);
    static final EntitlementId BOB_LIFETIME = EntitlementId.of(BOB, LIFETIME);
    static final OrderId CANCELLED_ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("k1"));
    static final OrderId PAID_ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("k2"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00.654321Z");
    static final Instant LEGACY_PURCHASE = Instant.parse("2019-01-01T00:00:00Z");

    static final EntitlementReserved RESERVED = new EntitlementReserved(ALICE_LIFETIME, ALICE, LIFETIME, CANCELLED_ORDER, NOW);
    static final EntitlementReservationReleased RELEASED =
            new EntitlementReservationReleased(ALICE_LIFETIME, ALICE, LIFETIME, CANCELLED_ORDER, NOW.plusSeconds(60));
    static final EntitlementReserved RESERVED_AGAIN =
            new EntitlementReserved(ALICE_LIFETIME, ALICE, LIFETIME, PAID_ORDER, NOW.plusSeconds(120));
    static final EntitlementGranted GRANTED = new EntitlementGranted(ALICE_LIFETIME, ALICE, LIFETIME, PAID_ORDER, NOW.plusSeconds(180));
    static final EntitlementRevoked REVOKED = new EntitlementRevoked(ALICE_LIFETIME, ALICE, LIFETIME, PAID_ORDER, NOW.plusSeconds(900));
    static final PurchaseImported BOB_IMPORTED =
            new PurchaseImported(BOB_LIFETIME, BOB, LIFETIME, "L-17", LEGACY_PURCHASE, NOW.plusSeconds(30));

    /** Alice reserves, lets the order lapse, buys, and is refunded; Bob's legacy purchase is imported meanwhile. */
    static final List<Stored> HISTORY = List.of(at(0, RESERVED), at(0, BOB_IMPORTED), at(1, RELEASED),
            at(2, RESERVED_AGAIN), at(3, GRANTED), at(4, REVOKED));

    @Autowired
    EntitlementViewRepository repository;
    EntitlementReplayBatch rebuild;
    EntitlementProjection projection;

    EntitlementProjectionTest() {
        super(HISTORY, Map.of("entitlement_view", "user_id, product_id"));
    }

    @BeforeEach
    void setUp() {
        rebuild = new EntitlementReplayBatch(jdbc);
        projection = under(new EntitlementProjection(repository, rebuild));
    }

    @Override
    protected ReplayBatch replayBatch() {
        return rebuild;
    }

    static Map<String, Object> aliceOwns(String status, OrderId order, Instant since, String reference, long sequence) {
        return columns("user_id", "alice", "product_id", "lifetime", "status", status,
                "order_id", order == null ? null : order.value(), "since", since, "reference", reference,
                "last_sequence", sequence);
    }

    @Test
    void aReservationIsPendingForItsOrder() {
        given(at(0, RESERVED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("PENDING", CANCELLED_ORDER, NOW, null, 0));
    }

    @Test
    void aReleasedReservationLeavesTheProductUnowned() {
        given(at(0, RESERVED), at(1, RELEASED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("NONE", null, null, null, 1));
    }

    @Test
    void aGrantOwnsTheProductThroughThePaidOrder() {
        given(at(0, RESERVED_AGAIN), at(1, GRANTED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("OWNED", PAID_ORDER, NOW.plusSeconds(180), null, 1));
    }

    @Test
    void aRevocationLeavesTheProductUnowned() {
        given(at(0, RESERVED_AGAIN), at(1, GRANTED), at(2, REVOKED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("NONE", null, null, null, 2));
    }

    @Test
    void anImportedPurchaseIsOwnedSinceItsPurchaseDate() {
        given(at(0, BOB_IMPORTED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(columns("user_id", "bob", "product_id", "lifetime",
                "status", "OWNED", "order_id", null, "since", LEGACY_PURCHASE, "reference", "L-17", "last_sequence", 0L));
    }

    @Test
    void releasingAReservationAfterAnImportKeepsTheProductOwned() {
        PurchaseImported imported = new PurchaseImported(ALICE_LIFETIME, ALICE, LIFETIME, "L-18", LEGACY_PURCHASE, NOW.plusSeconds(30));

        given(at(0, RESERVED), at(1, imported), at(2, RELEASED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("OWNED", null, LEGACY_PURCHASE, "L-18", 2));
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoTheGrant() {
        given(at(0, RESERVED_AGAIN), at(1, GRANTED));

        given(at(0, RESERVED_AGAIN));

        assertThat(onlyRow("entitlement_view")).containsEntry("status", "OWNED").containsEntry("last_sequence", 1L);
    }

    @Test
    void theHistoryEndsWithAliceRefundedAndBobOwningHisImport() {
        given(HISTORY);

        assertThat(rows("entitlement_view")).containsExactly(aliceOwns("NONE", null, null, null, 4),
                columns("user_id", "bob", "product_id", "lifetime", "status", "OWNED", "order_id", null,
                        "since", LEGACY_PURCHASE, "reference", "L-17", "last_sequence", 0L));
    }

    @Test
    void aRebuildInsertsTheRowsTheViewLacks() {
        given(HISTORY);
        Map<String, List<Map<String, Object>>> live = rows();
        jdbc.update("DELETE FROM entitlement_view");

        replay(HISTORY);

        assertThat(rows()).isEqualTo(live);
    }

    /** A command's transaction moves a row past the batch's events while the batch runs: the batch writes nothing over it. */
    @Test
    void aRebuildBatchDoesNotWriteOverARowACommandMovedOnMeanwhile() {
        given(HISTORY);
        Map<String, Object> refunded = aliceOwns("NONE", null, null, null, 4);
        assertThat(rows("entitlement_view").get(0)).isEqualTo(refunded);
        reset();
        endUnitOfWork();
        List<Stored> replayed = HISTORY.subList(0, 4);

        applyAsBatch(replayed, () -> {
            // the refund's transaction commits meanwhile: the row has applied sequence 4
            assertThat(jdbc.update("UPDATE entitlement_view SET last_sequence = 4 WHERE user_id = 'alice'")).isOne();
        });

        assertThat(rows("entitlement_view").get(0)).isEqualTo(refunded);
        assertThat(rows("entitlement_view").get(1)).containsEntry("status", "OWNED").containsEntry("last_sequence", 0L);
    }

    @Test
    void withoutABatchOpenTheHandlersWriteTheTable() {
        try {
            rebuild.begin(List.of(GenericEventMessage.asEventMessage(RESERVED)));
        } finally {
            rebuild.end();
        }

        given(at(0, RESERVED));

        assertThat(onlyRow("entitlement_view")).isEqualTo(aliceOwns("PENDING", CANCELLED_ORDER, NOW, null, 0));
    }
}
