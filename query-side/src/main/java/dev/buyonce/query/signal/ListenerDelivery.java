package dev.buyonce.query.signal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands announcements to this node's listeners on one thread of its own, in the order they were made.
 * <p>
 * An announcement is made after a commit, but still on the committing thread, which holds the lock of the
 * aggregate it changed until its unit of work has cleaned up. Listeners read the database (a catalog reloads a
 * row, a live order stream reads the order): run there, each would wait for a pooled connection while the
 * requests queued on the same aggregate hold every connection, waiting for that lock. So announcements are
 * queued and the committing thread goes on at once. What a writer must read back on this node at once (a new
 * product, program or coupon, a seat map) its projection puts in memory itself before it announces.
 */
public final class ListenerDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ListenerDelivery.class);
    private final List<ChangeListener> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread delivering = new Thread(runnable, "change-signals-deliver");
        delivering.setDaemon(true);
        return delivering;
    });

    public ListenerDelivery(List<ChangeListener> listeners) {
        this.listeners = listeners;
    }

    /** Queues {@code id} for the listeners of {@code topic}; dropped once this node is stopping. */
    public void deliver(String topic, String id) {
        try {
            thread.execute(() -> deliverNow(topic, id));
        } catch (RejectedExecutionException stopping) {
            log.debug("Stopping: {} {} not delivered", topic, id);
        }
    }

    /** Hands {@code id} to the listeners of {@code topic} on the calling thread; a failing listener is logged. */
    public void deliverNow(String topic, String id) {
        for (ChangeListener listener : listeners) {
            if (listener.topic().equals(topic)) {
                try {
                    listener.changed(id);
                } catch (RuntimeException e) {
                    log.warn("Listener of {} failed on {}: {}", topic, id, e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
