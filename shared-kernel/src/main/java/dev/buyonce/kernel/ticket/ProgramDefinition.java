package dev.buyonce.kernel.ticket;

/** What {@link DefineProgram} did: {@code CREATED}, or {@code UNCHANGED} for the same definition again. */
public enum ProgramDefinition {
    CREATED,
    UNCHANGED
}
