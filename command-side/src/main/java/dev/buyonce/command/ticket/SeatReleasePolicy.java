package dev.buyonce.command.ticket;

import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.ticket.ReleaseSeats;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A cancelled order gives its seats and tickets back, whatever cancelled it (the customer, or the payment
 * saga at the deadline). Runs on committed events, at least once; releasing is idempotent on the Seat and
 * TicketAllowance aggregates, so the holds come back exactly once. The seats are read from the order's own
 * OrderPlaced event, the authoritative record of what it holds.
 */
@Component
@DisallowReplay
@ProcessingGroup(SeatReleasePolicy.GROUP)
class SeatReleasePolicy {
    static final String GROUP = "seat-release-policy";
    private final EventStore events;
    private final CommandGateway commands;

    SeatReleasePolicy(EventStore events, CommandGateway commands) {
        this.events = events;
        this.commands = commands;
    }

    @EventHandler
    void on(OrderCancelled cancelled) {
        TicketOrders.placement(events, cancelled.orderId())
                .ifPresent(placed -> commands.sendAndWait(new ReleaseSeats(placed.orderId(), placed.userId(),
                        placed.programId(), placed.seats(), cancelled.cancelledAt())));
    }
}
