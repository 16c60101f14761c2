package dev.buyonce.query.order;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderQueryController {
    static final int MAX_PAGE_SIZE = 100;
    private final OrderQueries orders;

    OrderQueryController(OrderQueries orders) {
        this.orders = orders;
    }

    record OrderPage(List<OrderView> items, int page, int size, long total) {
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView order(UserId user, @PathVariable String orderId) {
        return OrderId.parse(orderId).flatMap(id -> orders.find(user, id)).orElseThrow(() ->
                new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found"));
    }

    @GetMapping("/api/orders")
    OrderPage list(UserId user, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        // the offset (page * size) must fit an int too: it is what the database is asked to skip
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (long) page * size > Integer.MAX_VALUE) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "page must be >= 0, size 1-" + MAX_PAGE_SIZE
                    + ", and page * size at most " + Integer.MAX_VALUE,
                    Map.of("errors", List.of(Map.of("field", "page/size", "message", "out of range"))));
        }
        Page<OrderView> result = orders.list(user, page, size);
        return new OrderPage(result.getContent(), page, size, result.getTotalElements());
    }
}
