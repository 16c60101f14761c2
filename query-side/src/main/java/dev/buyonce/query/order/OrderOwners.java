package dev.buyonce.query.order;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderPlaced;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Who placed an order, from its first event: the event store is never behind, so a new order is known at once. */
@Component
class OrderOwners {
    private final EventStore events;

    OrderOwners(EventStore events) {
        this.events = events;
    }

    Optional<UserId> ownerOf(OrderId orderId) {
        DomainEventStream stream = events.readEvents(orderId.toString());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return placedBy(stream.next());
    }

    /** The buyer named by an order's first event, or empty when it is no order's first event. */
    static Optional<UserId> placedBy(DomainEventMessage<?> first) {
        return first.getPayload() instanceof OrderPlaced placed ? Optional.of(placed.userId()) : Optional.empty();
    }
}
