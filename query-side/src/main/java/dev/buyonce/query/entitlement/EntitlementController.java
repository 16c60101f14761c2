package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementView;
import dev.buyonce.query.catalog.ProductCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EntitlementController {
    private final EntitlementQueries entitlements;
    private final ProductCatalog catalog;
    private final EntitlementTimeline timeline;

    EntitlementController(EntitlementQueries entitlements, ProductCatalog catalog, EntitlementTimeline timeline) {
        this.entitlements = entitlements;
        this.catalog = catalog;
        this.timeline = timeline;
    }

    @GetMapping("/api/entitlements/{productId}")
    EntitlementView mine(UserId user, @PathVariable String productId) {
        return entitlements.find(user, product(productId));
    }

    /** Now, from the ownership view; or {@code asOf} an instant, rebuilt from the events. */
    @GetMapping("/api/admin/users/{userId}/entitlements/{productId}")
    EntitlementView ofUser(@PathVariable String userId, @PathVariable String productId,
                           @RequestParam(required = false) Instant asOf) {
        if (!UserId.isValid(userId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "no user " + userId);
        }
        UserId user = new UserId(userId);
        return asOf == null ? entitlements.find(user, product(productId)) : timeline.asOf(user, product(productId), asOf);
    }

    /** Checked against the in-memory catalog first, so enumerating product ids costs no database query. */
    private ProductId product(String productId) {
        if (!ProductId.isValid(productId) || !catalog.contains(new ProductId(productId))) {
            throw new RuleViolation(ErrorCode.PRODUCT_NOT_FOUND, "product " + productId + " not found");
        }
        return new ProductId(productId);
    }
}
