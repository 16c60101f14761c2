package dev.buyonce.query;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row of a projection. It remembers the sequence number of the last event of its aggregate it applied,
 * so redelivery changes nothing; a rebuild marks rows stale (-1) and the replayed events overwrite them in
 * order. A row made by its projection knows it is new, so saving it inserts without a read first.
 */
@MappedSuperclass
public abstract class ProjectionRow<ID> implements Persistable<ID> {
    @Column(name = "last_sequence")
    private long lastSequence = -1;
    @Transient
    private boolean fresh;

    /** For JPA: a row read from the table. */
    protected ProjectionRow() {
    }

    /** A row its projection creates now. */
    protected ProjectionRow(boolean fresh) {
        this.fresh = fresh;
    }

    /** A row its view read itself (not through JPA), as stored: a rebuild's batch (see {@code ReplayBatch}). */
    protected ProjectionRow(long lastSequence) {
        this.lastSequence = lastSequence;
    }

    /** The sequence number of the last event this row applied; -1 for a row made new or marked stale. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Applies a change carried by the event with this sequence number, unless it was applied already. */
    public boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
