package dev.buyonce.command.coupon;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.ClaimKeyRecorded;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.RecordClaimKey;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimKeyTest {
    static final UserId ALICE = new UserId("alice");
    static final ClaimKeyId KEY = ClaimKeyId.of(ALICE, new IdempotencyKey("k1"));
    static final CouponId FIRST = new CouponId("first");
    static final CouponId SECOND = new CouponId("second");
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    AggregateTestFixture<ClaimKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClaimKey.class);
    }

    static RecordClaimKey record(CouponId coupon) {
        return new RecordClaimKey(KEY, ALICE, coupon, ClaimId.of(coupon, ALICE), NOW);
    }

    @Test
    void aNewKeyRemembersItsCoupon() {
        fixture.givenNoPriorActivity()
                .when(record(FIRST))
                .expectEvents(new ClaimKeyRecorded(KEY, ALICE, FIRST, ClaimId.of(FIRST, ALICE), NOW));
    }

    @Test
    void theKeyAgainForItsCouponIsANoOp() {
        fixture.given(new ClaimKeyRecorded(KEY, ALICE, FIRST, ClaimId.of(FIRST, ALICE), NOW))
                .when(record(FIRST))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theKeyForAnotherCouponIsAReusedKey() {
        fixture.given(new ClaimKeyRecorded(KEY, ALICE, FIRST, ClaimId.of(FIRST, ALICE), NOW))
                .when(record(SECOND))
                .expectException(ClaimKeyReused.class)
                .expectNoEvents();
    }
}
