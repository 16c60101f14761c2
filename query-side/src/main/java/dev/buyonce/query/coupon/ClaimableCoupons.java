package dev.buyonce.query.coupon;

import dev.buyonce.query.PeriodicRefresh;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponView;
import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every coupon in memory, on every node: whether a coupon can be claimed is a map read and a comparison with the
 * clock, so an unknown, withdrawn, not-yet-valid or expired id (a guess) costs no database round trip, and a coupon
 * becomes claimable at its validFrom and stops at its validUntil without anyone telling the node. A coupon defined
 * or withdrawn on any node is re-read here as soon as that has committed and been announced ({@link ChangeSignals});
 * the periodic refresh catches up with any announcement lost.
 */
@Component
public class ClaimableCoupons implements PeriodicRefresh, CouponDirectory, ChangeListener {
    static final String TOPIC = "coupon";
    private final CouponRepository repository;
    private final CouponStock stock;
    private final Map<CouponId, CouponView> coupons = new ConcurrentHashMap<>();

    ClaimableCoupons(CouponRepository repository, CouponStock stock) {
        this.repository = repository;
        this.stock = stock;
    }

    /** A claimable coupon with what is left of its stock, as this node last counted it. */
    public record Listed(CouponView coupon, int remaining) {
    }

    @EventListener(ApplicationStartedEvent.class)
    @Override
    public void refresh() {
        repository.findAll().forEach(entity -> put(toView(entity)));
        stock.recount(coupons.keySet().stream().map(CouponId::value).toList());
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String couponId) {
        repository.findById(couponId).ifPresent(entity -> put(toView(entity)));
    }

    @Override
    public void resync() {
        refresh();
    }

    @Override
    public Optional<CouponView> claimable(CouponId couponId, Instant now) {
        return Optional.ofNullable(coupons.get(couponId)).filter(coupon -> coupon.claimableAt(now));
    }

    @Override
    public Set<Integer> emptyBuckets(CouponId couponId) {
        CouponView coupon = coupons.get(couponId);
        if (coupon == null) {
            return Set.of();
        }
        Set<Integer> empty = new HashSet<>();
        stock.taken(couponId.value()).forEach((bucket, taken) -> {
            if (taken >= coupon.share(bucket)) {
                empty.add(bucket);
            }
        });
        return empty;
    }

    /** The coupons claimable at {@code now}, by id. */
    public List<Listed> claimableAt(Instant now) {
        return coupons.values().stream().filter(coupon -> coupon.claimableAt(now))
                .sorted(Comparator.comparing(coupon -> coupon.couponId().value()))
                .map(coupon -> new Listed(coupon, remaining(coupon)))
                .toList();
    }

    /** The coupon's stock less the claims counted per bucket; a bucket never counts below zero. */
    int remaining(CouponView coupon) {
        Map<Integer, Long> taken = stock.taken(coupon.couponId().value());
        int remaining = 0;
        for (int bucket = 0; bucket < coupon.buckets(); bucket++) {
            remaining += (int) Math.max(0, coupon.share(bucket) - taken.getOrDefault(bucket, 0L));
        }
        return remaining;
    }

    void put(CouponView coupon) {
        coupons.put(coupon.couponId(), coupon);
    }

    static CouponView toView(CouponEntity entity) {
        CouponDiscount discount = entity.discountPercent != null ? CouponDiscount.percent(entity.discountPercent)
                : CouponDiscount.fixed(new Money(entity.discountAmount, entity.discountCurrency));
        return new CouponView(new CouponId(entity.couponId), entity.name, discount, entity.stock, entity.buckets,
                entity.validFrom, entity.validUntil, entity.withdrawnAt);
    }
}
