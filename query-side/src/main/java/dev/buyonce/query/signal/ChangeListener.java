package dev.buyonce.query.signal;

/** Receives the announcements of one topic made on any node (this one included). */
public interface ChangeListener {

    String topic();

    /** Something of this topic changed and has committed. */
    void changed(String id);

    /** Announcements may have been missed (the connection to the database was lost): catch up on everything. */
    void resync();
}
