package dev.buyonce.kernel.ticket;

/** An event of one seat of one program: what the views key their rows by. */
public interface SeatEvent {

    ProgramId programId();

    SeatId seatId();
}
