package dev.buyonce.command.coupon;

import dev.buyonce.command.CommandSettings;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimCoupon;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.ClaimResult;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.kernel.coupon.CouponId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The claim edge: a coupon the directory does not offer now is refused before any command (any database work). */
class CouponClaimsTest {
    final CommandGateway commands = mock(CommandGateway.class);
    final CouponDirectory directory = mock(CouponDirectory.class);
    final ClaimRecords records = mock(ClaimRecords.class);
    final CouponClaims claims = new CouponClaims(commands, directory, new ConflictRetry("claim"),
            Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC),
            new CommandSettings(new CommandSettings.Orders(Duration.ofMinutes(15)), new CommandSettings.Coupons(20)),
            records);
    final CouponView threeBuckets = new CouponView(new CouponId("rush"), "Rush", CouponDiscount.percent(10), 3, 3,
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), null);
    final UserId user = new UserId("late");
    final IdempotencyKey key = new IdempotencyKey("k");

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

    @Test
    void aNewClaimOfACouponWithEveryBucketEmptyIsSoldOutWithoutAUnitOfWorkAndTheCouponIsRemembered() {
        when(directory.claimable(any(), any())).thenReturn(Optional.of(threeBuckets));
        when(directory.emptyBuckets(threeBuckets.couponId())).thenReturn(Set.of(0, 1, 2));

        assertThatThrownBy(() -> claims.claim(user, key, "rush")).isInstanceOf(CouponSoldOut.class);
        assertThatThrownBy(() -> claims.claim(new UserId("later"), key, "rush")).isInstanceOf(CouponSoldOut.class);

        verifyNoInteractions(commands);
        verify(directory, times(1)).emptyBuckets(threeBuckets.couponId());
        verify(records).anyRecorded(ClaimKeyId.of(user, key), ClaimId.of(threeBuckets.couponId(), user));
    }

    @Test
    void aUserWithAClaimOrAKeyOfASoldOutCouponIsAnsweredByTheUnitOfWorkWithNoBucket() {
        when(directory.claimable(any(), any())).thenReturn(Optional.of(threeBuckets));
        when(directory.emptyBuckets(threeBuckets.couponId())).thenReturn(Set.of(0, 1, 2));
        when(records.anyRecorded(ClaimKeyId.of(user, key), ClaimId.of(threeBuckets.couponId(), user))).thenReturn(true);
        ClaimResult replay = new ClaimResult(null, true);
        when(commands.sendAndWait(any())).thenReturn(replay);

        assertThat(claims.claim(user, key, "rush")).isSameAs(replay);

        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        ClaimCoupon command = (ClaimCoupon) sent.getValue().getPayload();
        assertThat(command.bucket()).isNull();
        assertThat(command.claimId()).isEqualTo(ClaimId.of(threeBuckets.couponId(), user));
    }

    @Test
    void theLastBucketFoundEmptyInAUnitOfWorkMakesTheCouponSoldOutForLaterClaims() {
        when(directory.claimable(any(), any())).thenReturn(Optional.of(threeBuckets));
        when(directory.emptyBuckets(threeBuckets.couponId())).thenReturn(Set.of(0, 1));
        when(commands.sendAndWait(any())).thenThrow(new BucketEmpty(threeBuckets.couponId(), 2));

        assertThatThrownBy(() -> claims.claim(user, key, "rush")).isInstanceOf(CouponSoldOut.class);
        assertThatThrownBy(() -> claims.claim(new UserId("later"), key, "rush")).isInstanceOf(CouponSoldOut.class);

        verify(commands, times(1)).sendAndWait(any());
        verify(directory, times(1)).emptyBuckets(threeBuckets.couponId());
    }

    @Test
    void aCouponWithABucketLeftIsNeverAnsweredFromMemory() {
        when(directory.claimable(any(), any())).thenReturn(Optional.of(threeBuckets));
        when(directory.emptyBuckets(threeBuckets.couponId())).thenReturn(Set.of(0, 2));
        ClaimResult made = new ClaimResult(null, false);
        when(commands.sendAndWait(any())).thenReturn(made);

        assertThat(claims.claim(user, key, "rush")).isSameAs(made);

        verifyNoInteractions(records);
    }
}
