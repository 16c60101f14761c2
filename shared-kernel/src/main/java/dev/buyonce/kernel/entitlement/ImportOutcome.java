package dev.buyonce.kernel.entitlement;

/** Per line of an import: recorded now, or already known (same reference, or already owned). */
public enum ImportOutcome {
    IMPORTED,
    SKIPPED
}
