package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementView;
import dev.buyonce.query.catalog.ProductCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EntitlementController {
    private final EntitlementQueries entitlements;
    private final ProductCatalog catalog;

    EntitlementController(EntitlementQueries entitlements, ProductCatalog catalog) {
        this.entitlements = entitlements;
        this.catalog = catalog;
    }

    @GetMapping("/api/entitlements/{productId}")
    EntitlementView mine(UserId user, @PathVariable String productId) {
        return entitlements.find(user, product(productId));
    }

    @GetMapping("/api/admin/users/{userId}/entitlements/{productId}")
    EntitlementView ofUser(@PathVariable String userId, @PathVariable String productId) {
        if (!UserId.isValid(userId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "no user " + userId);
        }
        return entitlements.find(new UserId(userId), product(productId));
    }

    /** Checked against the in-memory catalog first, so enumerating product ids costs no database query. */
    private ProductId product(String productId) {
        if (!ProductId.isValid(productId) || !catalog.contains(new ProductId(productId))) {
            throw new RuleViolation(ErrorCode.PRODUCT_NOT_FOUND, "product " + productId + " not found");
        }
        return new ProductId(productId);
    }
}
