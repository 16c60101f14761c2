package dev.buyonce.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.AllotTickets;
import dev.buyonce.kernel.ticket.AllowanceId;
import dev.buyonce.kernel.ticket.ReturnTickets;
import dev.buyonce.kernel.ticket.TicketsAllotted;
import dev.buyonce.kernel.ticket.TicketsReturned;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * How many tickets of one program one user's live and paid orders hold, keyed by (program, user). Every
 * ticket order of the user passes through this identity in its own unit of work, so concurrent requests
 * are counted one after the other and the limit holds; a view would only see them after the fact.
 */
@AggregateRoot
public class TicketAllowance {
    @AggregateIdentifier
    private AllowanceId allowanceId;
    private final Map<OrderId, Integer> ticketsByOrder = new HashMap<>();

    TicketAllowance() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AllotTickets command) {
        if (ticketsByOrder.containsKey(command.orderId())) {
            return;
        }
        int total = ticketsByOrder.values().stream().mapToInt(Integer::intValue).sum() + command.tickets();
        if (total > command.maxTicketsPerUser()) {
            throw new TicketLimitExceeded("per user", command.maxTicketsPerUser(), total);
        }
        apply(new TicketsAllotted(command.allowanceId(), command.programId(), command.userId(), command.orderId(),
                command.tickets(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReturnTickets command) {
        Integer tickets = ticketsByOrder.get(command.orderId());
        if (tickets != null) {
            apply(new TicketsReturned(command.allowanceId(), command.programId(), command.userId(), command.orderId(),
                    tickets, command.at()));
        }
    }

    @EventSourcingHandler
    void on(TicketsAllotted event) {
        this.allowanceId = event.allowanceId();
        ticketsByOrder.put(event.orderId(), event.tickets());
    }

    @EventSourcingHandler
    void on(TicketsReturned event) {
        ticketsByOrder.remove(event.orderId());
    }
}
