package dev.buyonce.kernel.ticket;

/** An event about one program's seats; the seat map is sequenced per program, so its definition comes first. */
public interface ProgramEvent {
    ProgramId programId();
}
