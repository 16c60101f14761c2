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

    CouponClaims(CommandGateway commands, CouponDirectory directory, ConflictRetry retry, Clock clock,
                 CommandSettings settings) {
        this.commands = commands;
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
        Set<Integer> empty = new HashSet<>(directory.emptyBuckets(couponId));
        empty.addAll(foundEmpty.getOrDefault(couponId, Set.of()));
        int first = Math.floorMod((user.value() + '\u001f' + couponId.value()).hashCode(), coupon.buckets());
        MetaData metaData = MetaData.with("userId", user.value()).and("idempotencyKey", key.value());
        while (true) {
            Integer bucket = nextBucket(first, coupon.buckets(), empty);
            ClaimCoupon command = new ClaimCoupon(ClaimKeyId.of(user, key), ClaimId.of(couponId, user), couponId, user,
                    bucket, bucket == null ? 0 : coupon.share(bucket), coupon.discount(), coupon.validUntil(), dailyLimit,
                    now);
            try {
                return retry.sendForKey(() -> commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
            } catch (BucketEmpty e) {
                empty.add(e.bucket());
                foundEmpty.computeIfAbsent(couponId, id -> ConcurrentHashMap.newKeySet()).add(e.bucket());
            }
        }
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
