package dev.buyonce.query.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.CouponClaimed;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponRedeemed;
import dev.buyonce.kernel.coupon.CouponReturned;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.admin.ReplayBatch;
import dev.buyonce.query.signal.LocalSignals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The claims users list: one row per claim, USED by an order and CLAIMED again when that order is cancelled. */
class CouponClaimProjectionTest extends ProjectionTest {
    static final CouponId COUPON = new CouponId("five-off");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final ClaimId ALICES = ClaimId.of(COUPON, ALICE);
    static final ClaimId BOBS = ClaimId.of(COUPON, BOB);
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00.000001Z");
    static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");
    static final CouponDiscount FIVE = CouponDiscount.fixed(Money.of("5.00", "CNY"));
    static final OrderId FIRST = OrderId.forIntent(ALICE, new IdempotencyKey("o1"));
    static final OrderId SECOND = OrderId.forIntent(ALICE, new IdempotencyKey("o2"));

    static CouponClaimed claimed(ClaimId claim, UserId user, int bucket) {
        return new CouponClaimed(claim, COUPON, user, ClaimKeyId.of(user, new IdempotencyKey("k")), bucket, FIVE, UNTIL, NOW);
    }

    /** Alice claims, uses it, cancels that order, uses it again; Bob claims from another bucket. */
    static final List<Stored> HISTORY = List.of(at(0, claimed(ALICES, ALICE, 3)), at(0, claimed(BOBS, BOB, 7)),
            at(1, new CouponRedeemed(ALICES, COUPON, ALICE, FIRST, Money.of("5.00", "CNY"), NOW)),
            at(2, new CouponReturned(ALICES, COUPON, ALICE, FIRST, NOW)),
            at(3, new CouponRedeemed(ALICES, COUPON, ALICE, SECOND, Money.of("5.00", "CNY"), NOW)));

    @Autowired
    ClaimRepository repository;
    ClaimReplayBatch rebuild;

    CouponClaimProjectionTest() {
        super(HISTORY, Map.of("coupon_claim_view", "claim_id"));
    }

    @BeforeEach
    void setUp() {
        rebuild = new ClaimReplayBatch(jdbc);
        under(new CouponClaimProjection(repository, LocalSignals.to(), rebuild));
    }

    @Override
    protected ReplayBatch replayBatch() {
        return rebuild;
    }

    @Test
    void aRebuildInsertsTheClaimsTheViewLacks() {
        given(HISTORY);
        Map<String, List<Map<String, Object>>> live = rows();
        jdbc.update("DELETE FROM coupon_claim_view");

        replay(HISTORY);

        assertThat(rows()).isEqualTo(live);
    }

    /** A command's transaction moves a claim past the batch's events while the batch runs: the batch leaves it. */
    @Test
    void aRebuildBatchDoesNotWriteOverAClaimACommandMovedOnMeanwhile() {
        given(HISTORY);
        assertThat(row(ALICES)).isEqualTo(alicesRow("USED", SECOND, 3));
        reset();
        endUnitOfWork();

        applyAsBatch(HISTORY.subList(0, 4), () -> {
            // the second redemption's transaction commits meanwhile
            assertThat(jdbc.update("UPDATE coupon_claim_view SET last_sequence = 3 WHERE claim_id = ?", ALICES.value())).isOne();
        });

        assertThat(row(ALICES)).isEqualTo(alicesRow("USED", SECOND, 3));
        assertThat(row(BOBS)).containsEntry("status", "CLAIMED").containsEntry("last_sequence", 0L);
    }

    static Map<String, Object> alicesRow(String status, OrderId order, long sequence) {
        return columns("claim_id", ALICES.value(), "coupon_id", "five-off", "user_id", "alice", "bucket", 3,
                "status", status, "order_id", order == null ? null : order.value(), "claimed_at", NOW,
                "valid_until", UNTIL, "last_sequence", sequence);
    }

    Map<String, Object> row(ClaimId claim) {
        return rows("coupon_claim_view").stream().filter(r -> r.get("claim_id").equals(claim.value())).findFirst().orElseThrow();
    }

    @Test
    void aClaimIsListedThenUsedThenGivenBack() {
        given(HISTORY.subList(0, 3));
        assertThat(row(ALICES)).isEqualTo(alicesRow("USED", FIRST, 1));
        given(HISTORY.get(3));
        assertThat(row(ALICES)).isEqualTo(alicesRow("CLAIMED", null, 2));
        given(HISTORY.get(4));
        assertThat(row(ALICES)).isEqualTo(alicesRow("USED", SECOND, 3));
        assertThat(row(BOBS).get("status")).isEqualTo("CLAIMED");
    }

    @Test
    void claimsAreCountedPerBucketForTheRemainingStock() {
        given(HISTORY);
        List<Object[]> counted = repository.claimsPerBucket(List.of("five-off", "other"));
        assertThat(counted).extracting(r -> r[0] + "/" + r[1] + "=" + r[2]).containsExactlyInAnyOrder("five-off/3=1", "five-off/7=1");
        assertThat(repository.findByUserIdOrderByClaimedAtDescClaimIdDesc("alice")).hasSize(1);
    }
}
