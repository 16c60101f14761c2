package dev.buyonce.command.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimAllowanceId;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.CountDailyClaim;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.DailyClaimCounted;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyClaimAllowanceTest {
    static final UserId ALICE = new UserId("alice");
    static final LocalDate DAY = LocalDate.parse("2026-03-10");
    static final ClaimAllowanceId ID = ClaimAllowanceId.of(ALICE, DAY);
    static final Instant NOW = Instant.parse("2026-03-10T23:59:00.500Z");

    AggregateTestFixture<DailyClaimAllowance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DailyClaimAllowance.class);
    }

    static ClaimId claim(int n) {
        return ClaimId.of(new CouponId("c" + n), ALICE);
    }

    static DailyClaimCounted counted(int n) {
        return new DailyClaimCounted(ID, ALICE, DAY, claim(n), NOW);
    }

    @Test
    void claimsUpToTheLimitAreCounted() {
        fixture.given(counted(1))
                .when(new CountDailyClaim(ALICE, DAY, claim(2), 2, NOW))
                .expectEvents(counted(2));
    }

    @Test
    void oneMoreThanTheLimitIsRefusedUntilTheNextUtcMidnight() {
        fixture.given(counted(1), counted(2))
                .when(new CountDailyClaim(ALICE, DAY, claim(3), 2, NOW))
                .expectException(ClaimLimitReached.class)
                .expectNoEvents();
        assertThat(new ClaimLimitReached(2, DAY, NOW).properties()).containsEntry("retryAfterSeconds", 60L);
    }

    @Test
    void anotherDayIsAnotherAllowance() {
        assertThat(ClaimAllowanceId.of(ALICE, DAY.plusDays(1))).isNotEqualTo(ID);
    }
}
