package dev.buyonce.query;

import dev.buyonce.query.admin.ReplayBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;

/**
 * What every set-based {@link ReplayBatch} shares: a batch's rows of one view, read in one query by {@link #read},
 * kept for the view's handlers on the rebuilding thread ({@link #open()}), and the ones they changed written back by
 * {@link #update} (rows read) and {@link #insert} (rows made). A view's handlers ask {@link #open()} first: null means no
 * rebuild batch is open on this thread, and they read and write the view's table as usual.
 *
 * @param <K> the row's key
 * @param <R> the row
 */
public abstract class SetBasedReplay<K, R extends ProjectionRow<K>> implements ReplayBatch {
    private final ThreadLocal<Rows<K, R>> open = new ThreadLocal<>();

    /** A batch's rows by key, as read or made, and the ones its handlers changed, in the order first changed. */
    public static final class Rows<K, R extends ProjectionRow<K>> {
        private final Map<K, R> byKey;
        private final Set<R> changed = new LinkedHashSet<>();

        private Rows(Map<K, R> byKey) {
            this.byKey = byKey;
        }

        /** The row of {@code key} as the batch holds it, or null. */
        public R get(K key) {
            return byKey.get(key);
        }

        /** The row of {@code key}, made by {@code fresh} (and held) when the batch has none. */
        public R getOrMake(K key, Function<K, R> fresh) {
            return byKey.computeIfAbsent(key, fresh);
        }

        /** Holds a row made new, to be inserted. */
        public void add(R row) {
            byKey.put(row.getId(), row);
            changed.add(row);
        }

        /** Marks a row the batch holds as changed, to be written back. */
        public void changed(R row) {
            changed.add(row);
        }
    }

    /** The rebuild batch open on this thread, or null. */
    public Rows<K, R> open() {
        return open.get();
    }

    /** The stored rows {@code batch} will change, by key (a superset does no harm). */
    protected abstract Map<K, R> read(List<? extends EventMessage<?>> batch);

    /** Writes rows read for the batch, each only over a stored row that has applied an older event. */
    protected abstract void update(List<R> rows);

    /** Inserts rows the view lacked. */
    protected abstract void insert(List<R> rows);

    @Override
    public void begin(List<? extends EventMessage<?>> batch) {
        open.set(new Rows<>(read(batch)));
    }

    @Override
    public void flush() {
        List<R> updates = new ArrayList<>();
        List<R> inserts = new ArrayList<>();
        for (R row : open.get().changed) {
            (row.isNew() ? inserts : updates).add(row);
        }
        if (!updates.isEmpty()) {
            update(updates);
        }
        if (!inserts.isEmpty()) {
            insert(inserts);
        }
    }

    @Override
    public void end() {
        open.remove();
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    protected static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An instant for a {@code TIMESTAMP WITH TIME ZONE} parameter, in UTC (null stays null). */
    protected static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
