package dev.buyonce.kernel.ticket;

/** The seat map of a program; may be a fraction of a second stale. */
public record FindSeatMapQuery(ProgramId programId) {
}
