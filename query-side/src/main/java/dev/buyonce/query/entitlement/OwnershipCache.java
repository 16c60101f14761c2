package dev.buyonce.query.entitlement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.EntitlementView;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caches only OWNED answers. Ownership, once there, is stable, so a cached OWNED is right; a NONE or
 * PENDING answer is never cached, because a cached "not owned" could hide a purchase made since.
 */
@Component
class OwnershipCache {
    private final Cache<String, EntitlementView> owned;

    OwnershipCache(@Value("${buyonce.entitlements.cache-size:1000000}") long size,
                   @Value("${buyonce.entitlements.cache-ttl:PT10M}") Duration ttl) {
        this.owned = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
    }

    Optional<EntitlementView> get(UserId user, ProductId product) {
        return Optional.ofNullable(owned.getIfPresent(key(user, product)));
    }

    void offer(UserId user, EntitlementView view) {
        if (view.status() == EntitlementStatus.OWNED) {
            owned.put(key(user, view.productId()), view);
        }
    }

    void evict(UserId user, ProductId product) {
        owned.invalidate(key(user, product));
    }

    private static String key(UserId user, ProductId product) {
        return user.value() + '\u001f' + product.value();
    }
}
