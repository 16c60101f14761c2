package dev.buyonce.query.signal;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Tells the other nodes sharing the database that something changed, so that what they hold in memory (live
 * order streams, the catalog, seat-map proposals) follows at once. Announcements are made after the change
 * has committed and may be lost (a node that reconnects is told to {@link ChangeListener#resync}); they are
 * wake-ups, never the data itself, which every node reads from the database.
 */
public interface ChangeSignals {

    /** Announces a committed change of {@code topic} (an order, the catalog, a program's seats) to every node. */
    void announce(String topic, String id);

    /**
     * Runs {@code action} (an announcement, or anything else that must only follow a commit) after the current
     * unit of work commits, or now when there is none.
     */
    static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> action.run());
        } else {
            action.run();
        }
    }
}
