package dev.buyonce.bench.crud;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP floor: the same request and answer as {@code POST /orders}, but nothing stored and nothing
 * checked. It measures what Tomcat, Spring MVC and Jackson alone cost on this machine, the ceiling of any
 * Spring MVC service here, so the bench can tell how much of a gap to the raw-SQL floor is the web stack.
 */
@RestController
class FloorController {
    private final AtomicLong ids = new AtomicLong();

    @PostMapping("/floor/orders")
    ResponseEntity<OrderController.Placed> place(@RequestHeader("X-User") String user,
                                                 @RequestHeader("Idempotency-Key") String key,
                                                 @RequestBody OrderController.PlaceOrder request) {
        OrderController.Item item = request.items().get(0);
        return ResponseEntity.status(HttpStatus.CREATED).body(new OrderController.Placed(ids.incrementAndGet(),
                item.productId(), item.quantity(), Instant.now(), false));
    }
}
