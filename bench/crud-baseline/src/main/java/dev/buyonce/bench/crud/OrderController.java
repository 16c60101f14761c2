package dev.buyonce.bench.crud;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-then-insert, as commonly written: look the key up, insert when absent, and let the unique
 * (user, key) constraint catch the race the check cannot. The caller is named by a header (no token
 * check), which makes this baseline slightly cheaper per request than BuyOnce.
 */
@RestController
class OrderController {
    private final OrderRows orders;

    OrderController(OrderRows orders) {
        this.orders = orders;
    }

    record Item(String productId, int quantity) {
    }

    record PlaceOrder(List<Item> items) {
    }

    record Placed(long orderId, String productId, int quantity, Instant createdAt, boolean duplicated) {
        static Placed of(OrderRow row, boolean duplicated) {
            return new Placed(row.id, row.productId, row.quantity, row.createdAt, duplicated);
        }
    }

    @PostMapping("/orders")
    ResponseEntity<Placed> place(@RequestHeader("X-User") String user, @RequestHeader("Idempotency-Key") String key,
                                 @RequestBody PlaceOrder request) {
        Optional<OrderRow> existing = orders.findByUserIdAndIdempotencyKey(user, key);
        if (existing.isPresent()) {
            return replay(existing.get());
        }
        Item item = request.items().get(0);
        try {
            OrderRow row = orders.saveAndFlush(new OrderRow(user, key, item.productId(), item.quantity(), Instant.now()));
            return ResponseEntity.status(HttpStatus.CREATED).body(Placed.of(row, false));
        } catch (DataIntegrityViolationException lostTheRace) {
            return replay(orders.findByUserIdAndIdempotencyKey(user, key).orElseThrow());
        }
    }

    /** "Has this user ever bought it?" over the whole orders table. */
    @GetMapping("/ownership/{productId}")
    Map<String, Object> owns(@RequestHeader("X-User") String user, @PathVariable String productId) {
        return Map.of("productId", productId, "owned", orders.existsByUserIdAndProductId(user, productId));
    }

    private static ResponseEntity<Placed> replay(OrderRow row) {
        return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(Placed.of(row, true));
    }
}
