package dev.buyonce.command.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrderResult;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {
    private final OrderPlacement placement;
    private final TicketOrderPlacement tickets;

    OrderController(OrderPlacement placement, TicketOrderPlacement tickets) {
        this.placement = placement;
        this.tickets = tickets;
    }

    /** The POST answer: the order, and whether this request repeated an earlier one. */
    record PlacedOrder(@JsonUnwrapped OrderView order, boolean duplicated) {
    }

    @PostMapping("/api/orders")
    ResponseEntity<PlacedOrder> place(UserId user,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String keyHeader,
                                      @Valid @RequestBody PlaceOrderRequest request) {
        IdempotencyKey key = IdempotencyKey.fromHeader(keyHeader);
        PlaceOrderResult result = request.isTicketOrder() ? tickets.place(user, key, request) : placement.place(user, key, request);
        if (result.duplicated()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(new PlacedOrder(result.order(), true));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/orders/" + result.order().orderId())
                .body(new PlacedOrder(result.order(), false));
    }

    @PostMapping("/api/orders/{orderId}/cancel")
    OrderView cancel(UserId user, @PathVariable String orderId) {
        OrderId id = OrderId.parse(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        return placement.cancel(user, id);
    }
}
