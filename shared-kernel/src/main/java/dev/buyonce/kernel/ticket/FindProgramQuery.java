package dev.buyonce.kernel.ticket;

/** Answered from memory: an unknown program id costs no database query. */
public record FindProgramQuery(ProgramId programId) {
}
