package dev.buyonce.command.coupon;

import dev.buyonce.command.CommandSettings;
import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.ClaimCoupon;
import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import dev.buyonce.kernel.coupon.ClaimResult;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponView;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

/**
 * The edge of claiming. A coupon that cannot be claimed now is refused from the in-memory directory before anything
 * touches the database. A claim is sent for the stock bucket the user's id points at, or the next one not known to
 * be empty; a bucket found empty is remembered (buckets never fill again) and the claim is sent again for the next,
 * so SOLD_OUT is answered only once every bucket has been found empty.
 *
 * <p>Sold out is for good. A bucket's count of units taken only grows: {@link CouponStockBucket} has no event that
 * gives a unit back, a cancelled or expired order returns the claim (USED to CLAIMED, {@link CouponClaim}) and never
 * its stock unit, and withdrawal ({@link Coupon}) touches no bucket. Both sources of "empty" read committed state: the
 * directory counts committed claim rows, and {@link BucketEmpty} comes from a bucket loaded from committed events. So
 * once every bucket is known empty, the coupon is remembered as sold out and no unit of work is started for a
 * request that is answered SOLD_OUT (see {@code soldOut}).
 */
@Service
class CouponClaims {
    private final CommandGateway commands;
    private final CouponDirectory directory;
    private final ConflictRetry retry;
    private final Clock clock;
    private final int dailyLimit;
    /** Buckets this node found empty itself, before the directory's counts show it. */
    private final Map<CouponId, Set<Integer>> foundEmpty = new ConcurrentHashMap<>();
    /** Coupons this node found with every bucket empty: sold out for good (learned again after a restart). */
    private final Set<CouponId> soldOutCoupons = ConcurrentHashMap.newKeySet();
    private final ClaimRecords records;

    CouponClaims(CommandGateway commands, CouponDirectory directory, ConflictRetry retry, Clock clock,
                 CommandSettings settings, ClaimRecords records) {
        this.commands = commands;
        this.records = records;
        this.directory = directory;
        this.retry = retry;
        this.clock = clock;
        this.dailyLimit = settings.coupons().dailyClaimLimit();
    }

    ClaimResult claim(UserId user, IdempotencyKey key, String couponIdText) {
        // microsecond precision: what every store (H2, PostgreSQL, JSON) keeps exactly, so all answers agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CouponView coupon = CouponId.parse(couponIdText).flatMap(id -> directory.claimable(id, now))
                .orElseThrow(CouponNotFound::new);
        CouponId couponId = coupon.couponId();
        MetaData metaData = MetaData.with("userId", user.value()).and("idempotencyKey", key.value());
        if (soldOutCoupons.contains(couponId)) {
            return soldOut(user, key, coupon, now, metaData);
        }
        Set<Integer> empty = new HashSet<>(directory.emptyBuckets(couponId));
        empty.addAll(foundEmpty.getOrDefault(couponId, Set.of()));
        int first = Math.floorMod((user.value() + '\u001f' + couponId.value()).hashCode(), coupon.buckets());
        while (true) {
            Integer bucket = nextBucket(first, coupon.buckets(), empty);
            if (bucket == null) {
                soldOutCoupons.add(couponId);
                return soldOut(user, key, coupon, now, metaData);
            }
            try {
                return send(claimCommand(user, key, coupon, bucket, now), metaData);
            } catch (BucketEmpty e) {
                empty.add(e.bucket());
                foundEmpty.computeIfAbsent(couponId, id -> ConcurrentHashMap.newKeySet()).add(e.bucket());
            }
        }
    }

    /**
     * A claim of a sold-out coupon. Every claim of it committed before it was found sold out (no unit was left for a
     * later one, and none comes back), and a claim key commits only with the claim it opened (every other outcome
     * rolls the unit back), so one read of what has committed answers exactly as the unit of work would. When the
     * user's claim of this coupon or this key exists, the unit of work runs, with no bucket: it replays the claim
     * (200), refuses another key (409 COUPON_ALREADY_CLAIMED) or a key used for another coupon (422), before the
     * stock or the daily allowance is looked at. When neither exists, that unit of work would record the key, find
     * no claim and no bucket, answer SOLD_OUT and roll back: SOLD_OUT is answered here without it. The daily limit is
     * not consulted for a sold-out coupon, as before: the unit answers SOLD_OUT before it reaches the allowance.
     */
    private ClaimResult soldOut(UserId user, IdempotencyKey key, CouponView coupon, Instant now, MetaData metaData) {
        if (!records.anyRecorded(ClaimKeyId.of(user, key), ClaimId.of(coupon.couponId(), user))) {
            throw new CouponSoldOut(coupon.couponId());
        }
        return send(claimCommand(user, key, coupon, null, now), metaData);
    }

    private ClaimCoupon claimCommand(UserId user, IdempotencyKey key, CouponView coupon, Integer bucket, Instant now) {
        CouponId couponId = coupon.couponId();
        return new ClaimCoupon(ClaimKeyId.of(user, key), ClaimId.of(couponId, user), couponId, user, bucket,
                bucket == null ? 0 : coupon.share(bucket), coupon.discount(), coupon.validUntil(), dailyLimit, now);
    }

    private ClaimResult send(ClaimCoupon command, MetaData metaData) {
        return retry.sendForKey(() -> commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
    }

    /** The first bucket from {@code first} on (wrapping around) not known to be empty; null when all are. */
    static Integer nextBucket(int first, int buckets, Set<Integer> empty) {
        for (int i = 0; i < buckets; i++) {
            int bucket = (first + i) % buckets;
            if (!empty.contains(bucket)) {
                return bucket;
            }
        }
        return null;
    }
}
