package dev.buyonce.command.ticket;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderPlaced;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** What a ticket order holds, read from its own OrderPlaced event: the authoritative record of its seats. */
final class TicketOrders {
    private TicketOrders() {
    }

    /** The order's placement when it is a ticket order (it holds seats); empty for any other order. */
    static Optional<OrderPlaced> placement(EventStore events, OrderId orderId) {
        return events.readEvents(orderId.toString()).asStream()
                .map(message -> message.getPayload())
                .filter(OrderPlaced.class::isInstance)
                .map(OrderPlaced.class::cast)
                .filter(placed -> !placed.seats().isEmpty())
                .findFirst();
    }
}
