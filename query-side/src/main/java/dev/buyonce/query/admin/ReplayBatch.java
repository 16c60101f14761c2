package dev.buyonce.query.admin;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * A view's set-based way through a rebuild's batch: the rows the batch's events are about to change are read in one
 * query, held in memory while the view's own handlers change them event by event, and written back in one round trip.
 * What a row becomes is still decided by those handlers; this only changes how rows are read and written.
 *
 * <p>{@link ProjectionReplays} calls {@link #begin}, the handlers and {@link #flush} in the batch's transaction, on
 * one thread, and {@link #end} on that thread afterwards, also when the batch failed.
 */
public interface ReplayBatch {

    /** The view (processing group) whose rows this reads and writes. */
    String view();

    /** Reads the rows {@code batch} will change; the view's handlers on this thread then change those copies. */
    void begin(List<? extends EventMessage<?>> batch);

    /** Writes back the rows the batch's handlers changed. */
    void flush();

    /** Forgets the batch, written or not; the view's handlers on this thread go back to the view's tables. */
    void end();
}
