package dev.buyonce.query.coupon;

import dev.buyonce.query.signal.ChangeListener;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many claims each stock bucket of each coupon has given, as this node last counted them from
 * coupon_claim_view. A committed claim only marks its coupon as changed; the counting happens a moment later, once
 * for all the claims made meanwhile, never in a claim's transaction. Counts only grow (stock is never given back),
 * so a count read here is at most a moment old and never too high.
 */
@Component
public class CouponStock implements ChangeListener {
    static final String TOPIC = "coupon-stock";
    private final ClaimRepository claims;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Integer, Long>> taken = new ConcurrentHashMap<>();

    CouponStock(ClaimRepository claims) {
        this.claims = claims;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String couponId) {
        changed.add(couponId);
    }

    @Override
    public void resync() {
        changed.addAll(taken.keySet());
    }

    /** Counts again the coupons claimed from since the last count (on any node); every {@code buyonce.coupons.stock-refresh}. */
    public void recountChanged() {
        if (changed.isEmpty()) {
            return;
        }
        List<String> couponIds = List.copyOf(changed);
        changed.removeAll(couponIds);
        recount(couponIds);
    }

    void recount(Collection<String> couponIds) {
        if (couponIds.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, Long>> counted = new HashMap<>();
        couponIds.forEach(id -> counted.put(id, new HashMap<>()));
        for (Object[] row : claims.claimsPerBucket(couponIds)) {
            counted.get((String) row[0]).put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        // counts only grow: a count that raced a newer one never takes it back
        counted.forEach((id, buckets) -> taken.merge(id, buckets, (old, fresh) -> {
            Map<Integer, Long> merged = new HashMap<>(old);
            fresh.forEach((bucket, count) -> merged.merge(bucket, count, Math::max));
            return merged;
        }));
    }

    /** Claims given per bucket of the coupon; a bucket not in the map has given none. */
    Map<Integer, Long> taken(String couponId) {
        return taken.getOrDefault(couponId, Map.of());
    }
}
