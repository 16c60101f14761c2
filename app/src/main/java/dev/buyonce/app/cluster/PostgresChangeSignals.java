package dev.buyonce.app.cluster;

import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;
import dev.buyonce.query.signal.ListenerDelivery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Announcements between the nodes that share one PostgreSQL, through its LISTEN/NOTIFY: no broker of our own.
 * <ul>
 *   <li>An announcement is queued for this node's listeners ({@link ListenerDelivery}, off the committing
 *   thread) and for the other nodes. A sender
 *   thread takes whatever is queued, drops repeats and sends it as few {@code NOTIFY}s as fit PostgreSQL's
 *   8000-byte payload, in one transaction of its own that waits for no disk flush (a lost wake-up costs a
 *   moment, never data). So a burst of commits costs one notification transaction, not one each.</li>
 *   <li>A listener thread holds its own connection on {@code LISTEN}, hands each announcement of another
 *   node to the listeners of its topic, and {@linkplain #onWake wakes} this node's event processors. When
 *   its connection is lost (a database restart) it reconnects and tells every listener to resync, since
 *   announcements may have been missed meanwhile.</li>
 * </ul>
 * Both connections are opened with the data source's own URL and credentials, outside the pool.
 */
public final class PostgresChangeSignals implements ChangeSignals, SmartLifecycle {
    static final String CHANNEL = "buyonce_changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeSignals.class);
    private static final int MAX_PAYLOAD = 7900;
    private static final String STOP = "\u0000stop";

    private final String url;
    private final String user;
    private final String password;
    private final List<ChangeListener> listeners;
    private final ListenerDelivery delivery;
    private final Runnable onWake;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread sender;
    private Thread receiver;

    public PostgresChangeSignals(String url, String user, String password, List<ChangeListener> listeners,
                                 Runnable onWake) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.listeners = listeners;
        this.delivery = new ListenerDelivery(listeners);
        this.onWake = onWake;
    }

    @Override
    public void announce(String topic, String id) {
        delivery.deliver(topic, id);
        if (running) {
            outbox.add(topic + ':' + id);
        }
    }

    @Override
    public void start() {
        running = true;
        sender = daemon("change-signals-send", this::sendLoop);
        receiver = daemon("change-signals-listen", this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        delivery.close();
        outbox.add(STOP);
        for (Thread thread : new Thread[] {sender, receiver}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the processors' infrastructure, stopped before the data source closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void sendLoop() {
        Connection connection = null;
        while (running) {
            try {
                String first = outbox.take();
                Set<String> batch = new LinkedHashSet<>();
                batch.add(first);
                List<String> more = new ArrayList<>();
                outbox.drainTo(more, 10_000);
                batch.addAll(more);
                batch.remove(STOP);
                if (batch.isEmpty() || !running) {
                    continue;
                }
                if (connection == null || connection.isClosed()) {
                    connection = open();
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET synchronous_commit = off");
                    }
                    connection.commit();
                }
                send(connection, batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException e) {
                if (running) {
                    log.warn("Could not announce changes to the other nodes (they catch up on reconnect or refresh): {}",
                            e.getMessage());
                }
                close(connection);
                connection = null;
                pause(Duration.ofMillis(500));
            }
        }
        close(connection);
    }

    private void send(Connection connection, Set<String> batch) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            StringBuilder payload = new StringBuilder(node);
            for (String item : batch) {
                if (payload.length() + item.length() + 1 > MAX_PAYLOAD) {
                    notify.setString(1, payload.toString());
                    notify.execute();
                    payload = new StringBuilder(node);
                }
                payload.append('\n').append(item);
            }
            notify.setString(1, payload.toString());
            notify.execute();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private void listenLoop() {
        boolean first = true;
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    log.info("Listening for other nodes' changes again; catching up");
                    listeners.forEach(ChangeListener::resync);
                    onWake.run();
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        receive(notifications);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the connection that listens for other nodes' changes; reconnecting: {}", e.getMessage());
                    pause(Duration.ofMillis(500));
                }
            }
        }
    }

    private void receive(PGNotification[] notifications) {
        boolean fromOthers = false;
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            // this node's own announcements come back too: they were delivered here already, skip them unread
            if (payload.startsWith(node + '\n') || payload.equals(node)) {
                continue;
            }
            String[] lines = payload.split("\n");
            fromOthers = true;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    delivery.deliverNow(lines[i].substring(0, colon), lines[i].substring(colon + 1));
                }
            }
        }
        if (fromOthers) {
            onWake.run();
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection that is gone already
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
