package dev.buyonce.command.order;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.command.ticket.TicketLimitExceeded;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import dev.buyonce.kernel.ticket.PlaceTicketOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A ticket order is an order plus its seat holds plus the user's ticket count, all in this one unit of work:
 * the Order decides first (a repeated intent is answered with the original order and holds nothing new),
 * then the allowance and the seats. If any of them refuses, nothing of the order is stored.
 */
@Component
class TicketOrderHandler {
    private final Configuration axon;
    private final SeatReservations seats;

    TicketOrderHandler(Configuration axon, SeatReservations seats) {
        this.axon = axon;
        this.seats = seats;
    }

    @CommandHandler
    PlaceOrderResult handle(PlaceTicketOrder command) throws Exception {
        if (command.seats().isEmpty() || command.seats().size() != command.seats().stream().distinct().count()) {
            throw new IllegalArgumentException("a ticket order needs distinct seats");
        }
        if (command.seats().size() > command.maxTicketsPerOrder()) {
            throw new TicketLimitExceeded("per order", command.maxTicketsPerOrder(), command.seats().size());
        }
        PlaceOrder order = new PlaceOrder(command.orderId(), command.userId(), command.lines(),
                command.requestFingerprint(), command.placedAt(), command.paymentDeadline(), command.programId(),
                command.seats(), command.couponId());
        Repository<Order> orders = axon.repository(Order.class);
        PlaceOrderResult result = (PlaceOrderResult) orders.loadOrCreate(order.orderId().toString(), Order::new)
                .handle(asCommandMessage(order));
        if (!result.duplicated()) {
            seats.hold(command.userId(), command.programId(), command.seats(), command.orderId(),
                    command.maxTicketsPerUser(), command.placedAt());
        }
        return result;
    }
}
