package dev.buyonce.query.signal;

import java.util.List;

/**
 * Announcements for a single node (the embedded database, which one process owns): queued for this node's
 * listeners ({@link ListenerDelivery}), off the committing thread.
 */
public final class LocalChangeSignals implements ChangeSignals, AutoCloseable {
    private final ListenerDelivery delivery;

    public LocalChangeSignals(List<ChangeListener> listeners) {
        this.delivery = new ListenerDelivery(listeners);
    }

    @Override
    public void announce(String topic, String id) {
        delivery.deliver(topic, id);
    }

    @Override
    public void close() {
        delivery.close();
    }
}
