package dev.buyonce.app.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.query.order.UnpaidOrders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code max-unpaid-orders-per-user} live AWAITING_PAYMENT orders per user. A soft abuse limit: it
 * counts, then lets the order be placed, so concurrent requests (or other nodes) may pass it by a few.
 * A refusal always rests on a fresh count; a count well under the cap (under half) is reused for
 * {@code unpaid-recount}, each admitted request adding one, so an ordinary user costs no query per order.
 */
final class UnpaidOrderCap {
    private final UnpaidOrders orders;
    private final int cap;
    private final Clock clock;
    private final Cache<String, Integer> counts;

    UnpaidOrderCap(UnpaidOrders orders, LimitSettings settings, Clock clock) {
        this.orders = orders;
        this.cap = settings.maxUnpaidOrdersPerUser();
        this.clock = clock;
        this.counts = Caffeine.newBuilder().maximumSize(settings.rate().maxKeys())
                .expireAfterWrite(settings.unpaidRecount()).build();
    }

    int cap() {
        return cap;
    }

    /** Empty when the user may place an order under {@code keyHeader}; otherwise how long until one unpaid order expires. */
    Optional<Duration> refusal(UserId user, String keyHeader) {
        Integer known = counts.getIfPresent(user.value());
        int count = known != null && known < cap / 2 ? known : orders.count(user, cap);
        if (count >= cap && !isReplay(user, keyHeader)) {
            counts.put(user.value(), count);
            Duration wait = orders.earliestDeadline(user).map(deadline -> Duration.between(clock.instant(), deadline))
                    .orElse(Duration.ZERO);
            return Optional.of(wait);
        }
        counts.put(user.value(), count + 1);
        return Optional.empty();
    }

    /** A retry of an order that exists is answered as a replay, as always; a bad key is left for the endpoint to refuse. */
    private boolean isReplay(UserId user, String keyHeader) {
        try {
            return orders.exists(OrderId.forIntent(user, IdempotencyKey.fromHeader(keyHeader)));
        } catch (RuleViolation badKey) {
            return true;
        }
    }
}
