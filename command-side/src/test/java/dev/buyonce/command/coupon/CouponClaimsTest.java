package dev.buyonce.command.coupon;

import dev.buyonce.command.CommandSettings;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

/** The claim edge: a coupon the directory does not offer now is refused before any command (any database work). */
class CouponClaimsTest {
    final CommandGateway commands = mock(CommandGateway.class);
    final CouponDirectory directory = mock(CouponDirectory.class);
    final CouponClaims claims = new CouponClaims(commands, directory, new ConflictRetry("claim"),
            Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC),
            new CommandSettings(new CommandSettings.Orders(Duration.ofMinutes(15)), new CommandSettings.Coupons(20)));

    @Test
    void aCouponNotClaimableNowIsNotFoundWithoutSendingAnything() {
        when(directory.claimable(any(), any())).thenReturn(Optional.empty());

        for (String guess : new String[] {"unknown", "withdrawn-or-expired", "not a coupon id!", ""}) {
            assertThatThrownBy(() -> claims.claim(new UserId("bot"), new IdempotencyKey("k"), guess))
                    .isInstanceOf(CouponNotFound.class);
        }

        verifyNoInteractions(commands);
    }

    @Test
    void bucketsAreTriedFromTheUsersOwnOnwardsSkippingEmptyOnesAndNoneIsLeftWhenAllAre() {
        assertThat(CouponClaims.nextBucket(14, 16, Set.of())).isEqualTo(14);
        assertThat(CouponClaims.nextBucket(14, 16, Set.of(14, 15))).isZero();
        assertThat(CouponClaims.nextBucket(0, 3, Set.of(0, 1, 2))).isNull();
        assertThat(new CouponId("a").aggregateId()).isNotEqualTo(new dev.buyonce.kernel.ProductId("a").aggregateId());
    }
}
