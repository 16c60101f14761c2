package dev.buyonce.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** The orders a UI lists. Idempotent: each row remembers the last event sequence it applied. */
@Component
@ProcessingGroup(OrderProjection.GROUP)
class OrderProjection {
    static final String GROUP = "orders";
    private final OrderViewRepository repository;
    private final ObjectMapper json;

    OrderProjection(OrderViewRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence) throws JsonProcessingException {
        if (repository.existsById(event.orderId().value())) {
            return;
        }
        repository.save(new OrderEntity(event.orderId().value(), event.userId().value(),
                OrderStatus.AWAITING_PAYMENT.name(), json.writeValueAsString(event.lines()), event.total().amount(),
                event.total().currency(), event.placedAt(), event.paymentDeadline(), sequence)
                .withSeats(event.seats().isEmpty() ? null : json.writeValueAsString(event.seats())));
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence) {
        repository.findById(event.orderId().value())
                .filter(order -> order.advanceTo(sequence))
                .ifPresent(order -> order.status = OrderStatus.CANCELLED.name());
    }

    /** A rebuild starts from an empty view; every row is then derived again from the events. */
    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
    }
}
