package dev.buyonce.app.cluster;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can be woken: its streaming processors (the payment saga) wait up to
 * the store's fetch delay for events committed by another node, unless told that there are some. Events
 * committed on this node wake them already.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** New events were committed elsewhere: fetch now instead of at the end of the fetch delay. */
    public void wake() {
        afterCommit(List.of());
    }
}
