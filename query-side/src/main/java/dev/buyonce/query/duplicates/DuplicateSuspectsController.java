package dev.buyonce.query.duplicates;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DuplicateSuspectsController {
    private final DuplicatePurchases purchases;

    DuplicateSuspectsController(DuplicatePurchases purchases) {
        this.purchases = purchases;
    }

    /** Pairs of look-alike orders since {@code since} (default: all), newest first, at most 500. */
    @GetMapping("/api/admin/duplicate-suspects")
    List<DuplicatePurchases.Suspect> suspects(@RequestParam(required = false) Instant since) {
        return purchases.suspects(since == null ? Instant.EPOCH : since);
    }
}
