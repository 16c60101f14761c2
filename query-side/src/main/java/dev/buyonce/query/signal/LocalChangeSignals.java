package dev.buyonce.query.signal;

import java.util.List;

/**
 * Announcements for a single node (the embedded database, which one process owns): delivered to this node's
 * listeners directly.
 */
public final class LocalChangeSignals implements ChangeSignals {
    private final List<ChangeListener> listeners;

    public LocalChangeSignals(List<ChangeListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void announce(String topic, String id) {
        listeners.stream().filter(l -> l.topic().equals(topic)).forEach(l -> l.changed(id));
    }
}
