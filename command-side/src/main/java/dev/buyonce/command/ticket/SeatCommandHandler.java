package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ticket.ReleaseSeats;
import dev.buyonce.kernel.ticket.SellSeats;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Whole-order seat commands, each in one unit of work: the payment saga sells, cancellation releases. */
@Component
class SeatCommandHandler {
    private final SeatReservations seats;

    SeatCommandHandler(SeatReservations seats) {
        this.seats = seats;
    }

    @CommandHandler
    void handle(SellSeats command) {
        seats.sell(command.programId(), command.seats(), command.orderId(), command.at());
    }

    @CommandHandler
    void handle(ReleaseSeats command) {
        seats.release(command.userId(), command.programId(), command.seats(), command.orderId(), command.at());
    }
}
