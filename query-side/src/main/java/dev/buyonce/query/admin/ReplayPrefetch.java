package dev.buyonce.query.admin;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Loads, in one query, the rows a batch of replayed events is about to change, into the batch's own transaction, so
 * a rebuild's handlers find them there instead of reading them one event at a time. It only reads: what the rows
 * become is still decided by the view's handlers, event by event.
 */
public interface ReplayPrefetch {

    /** The view (processing group) whose rows this loads. */
    String view();

    /** Loads the rows {@code batch} will change; called in the batch's transaction, before its events are handled. */
    void prefetch(List<? extends EventMessage<?>> batch);
}
