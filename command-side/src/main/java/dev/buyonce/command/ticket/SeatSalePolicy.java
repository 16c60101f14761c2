package dev.buyonce.command.ticket;

import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.ticket.SellSeats;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A paid ticket order's seats become SOLD. The order can only be paid while it is live, and a live order's
 * seats are held by it (they are released only when it is cancelled, which a paid order cannot be), so the
 * sale always finds them held; selling is idempotent per seat and order, so redelivery changes nothing.
 * Money that arrives after a release never gets here: the cancelled order rejects the capture and the
 * payment saga refunds it.
 */
@Component
@DisallowReplay
@ProcessingGroup(SeatSalePolicy.GROUP)
class SeatSalePolicy {
    static final String GROUP = "seat-sale-policy";
    private final EventStore events;
    private final CommandGateway commands;

    SeatSalePolicy(EventStore events, CommandGateway commands) {
        this.events = events;
        this.commands = commands;
    }

    @EventHandler
    void on(OrderPaid paid) {
        TicketOrders.placement(events, paid.orderId()).ifPresent(placed -> commands.sendAndWait(
                new SellSeats(placed.orderId(), placed.programId(), placed.seats(), paid.paidAt())));
    }
}
