package dev.buyonce.command.ticket;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.AllotTickets;
import dev.buyonce.kernel.ticket.HoldSeat;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ReleaseSeat;
import dev.buyonce.kernel.ticket.ReturnTickets;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import dev.buyonce.kernel.ticket.SellSeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Runs seat and allowance commands inside the current unit of work, on the aggregates found by their derived
 * ids or created on first use; the aggregates' own handlers decide. A failure anywhere rolls back the whole
 * unit of work, so an order holds all its seats or none.
 */
@Component
class Seats implements SeatReservations {
    private final Configuration axon;

    Seats(Configuration axon) {
        this.axon = axon;
    }

    @Override
    public void hold(UserId user, ProgramId program, List<SeatId> seats, OrderId orderId, int maxTicketsPerUser,
                     Instant at) {
        AllotTickets allot = new AllotTickets(program, user, orderId, seats.size(), maxTicketsPerUser, at);
        handle(TicketAllowance.class, allot.allowanceId().toString(), TicketAllowance::new, allot);
        List<SeatId> taken = new ArrayList<>();
        for (SeatId seat : sorted(seats)) {
            try {
                handle(Seat.class, SeatKey.of(program, seat).toString(), Seat::new, new HoldSeat(program, seat, orderId, at));
            } catch (SeatTaken e) {
                // keep going: the answer names every unavailable seat, and the unit of work rolls back anyway
                taken.add(e.seat());
            }
        }
        if (!taken.isEmpty()) {
            throw new SeatUnavailable(taken);
        }
    }

    @Override
    public void release(UserId user, ProgramId program, List<SeatId> seats, OrderId orderId, Instant at) {
        ReturnTickets back = new ReturnTickets(program, user, orderId, at);
        handle(TicketAllowance.class, back.allowanceId().toString(), TicketAllowance::new, back);
        for (SeatId seat : sorted(seats)) {
            handle(Seat.class, SeatKey.of(program, seat).toString(), Seat::new, new ReleaseSeat(program, seat, orderId, at));
        }
    }

    @Override
    public void sell(ProgramId program, List<SeatId> seats, OrderId orderId, Instant at) {
        for (SeatId seat : sorted(seats)) {
            handle(Seat.class, SeatKey.of(program, seat).toString(), Seat::new, new SellSeat(program, seat, orderId, at));
        }
    }

    private static List<SeatId> sorted(List<SeatId> seats) {
        return seats.stream().distinct().sorted().toList();
    }

    private <A> void handle(Class<A> type, String id, Callable<A> factory, Object command) {
        Repository<A> repository = axon.repository(type);
        try {
            repository.loadOrCreate(id, factory).handle(asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " could not handle " + command, e);
        }
    }
}
