package dev.buyonce.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.HoldSeat;
import dev.buyonce.kernel.ticket.ReleaseSeat;
import dev.buyonce.kernel.ticket.SeatHeld;
import dev.buyonce.kernel.ticket.SeatKey;
import dev.buyonce.kernel.ticket.SeatReleased;
import dev.buyonce.kernel.ticket.SeatSold;
import dev.buyonce.kernel.ticket.SeatStatus;
import dev.buyonce.kernel.ticket.SellSeat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One seat of one program, keyed by (program, seat): FREE, HELD by exactly one order, or SOLD to it. Two
 * buyers of one seat meet on this identity, so a seat can never be held or sold twice. A seat that was never
 * held has no events: it comes into being, FREE, with its first hold.
 */
@AggregateRoot
public class Seat {
    @AggregateIdentifier
    private SeatKey seatKey;
    private SeatStatus status = SeatStatus.FREE;
    private OrderId holder;

    Seat() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(HoldSeat command) {
        if (status == SeatStatus.FREE) {
            apply(new SeatHeld(command.seatKey(), command.programId(), command.seatId(), command.orderId(), command.at()));
        } else if (!(status == SeatStatus.HELD && command.orderId().equals(holder))) {
            throw new SeatTaken(command.seatId());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReleaseSeat command) {
        // held: the order was cancelled or expired; sold: the order was refunded. Either way it is for sale again.
        if (status != SeatStatus.FREE && command.orderId().equals(holder)) {
            apply(new SeatReleased(command.seatKey(), command.programId(), command.seatId(), command.orderId(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SellSeat command) {
        if (!command.orderId().equals(holder) || status == SeatStatus.FREE) {
            throw new SeatNotHeld(command.seatId(), command.orderId());
        }
        if (status == SeatStatus.HELD) {
            apply(new SeatSold(command.seatKey(), command.programId(), command.seatId(), command.orderId(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(SeatHeld event) {
        this.seatKey = event.seatKey();
        this.status = SeatStatus.HELD;
        this.holder = event.orderId();
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        this.status = SeatStatus.FREE;
        this.holder = null;
    }

    @EventSourcingHandler
    void on(SeatSold event) {
        this.status = SeatStatus.SOLD;
    }
}
