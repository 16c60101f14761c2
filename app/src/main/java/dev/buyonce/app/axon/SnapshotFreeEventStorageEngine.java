package dev.buyonce.app.axon;

import dev.buyonce.query.admin.EventsByType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * The JDBC event store without snapshot reads, and with reads by payload type for rebuilds. BuyOnce's aggregates
 * live short lives of a handful of events (an order, a seat, one user's entitlement to one product), so no
 * snapshotter is configured and the snapshot table stays empty; asking it anyway would cost every command one more
 * query. If snapshots are ever introduced, the snapshot methods go.
 */
class SnapshotFreeEventStorageEngine extends JdbcEventStorageEngine implements EventsByType {
    /**
     * Positions of the log per query when reading by type: a bounded range of the primary key, which every plan
     * reads by index (a LIMIT over an open range let PostgreSQL's generic plan scan and sort the table: 1 s a query).
     */
    static final int TYPED_WINDOW = 5000;

    SnapshotFreeEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("snapshots are not used; see SnapshotFreeEventStorageEngine");
    }

    /**
     * The payload types stored up to {@code upTo} are listed first (one query); those {@code wanted} rejects are
     * never read. The rest come {@value #TYPED_WINDOW} positions of the log at a time, each window its own query,
     * through the same row mapping, upcasters and serializer as every other read.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(Predicate<Class<?>> wanted, long upTo) {
        List<String> types = new ArrayList<>();
        for (String type : storedTypes(upTo)) {
            Class<?> payload = getEventSerializer().classForType(new SimpleSerializedType(type, null));
            if (UnknownSerializedType.class.equals(payload) || wanted.test(payload)) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            return Stream.empty();
        }
        Iterator<TrackedEventData<?>> rows = new Iterator<>() {
            private long after = -1;
            private Iterator<TrackedEventData<?>> window = List.<TrackedEventData<?>>of().iterator();

            @Override
            public boolean hasNext() {
                while (!window.hasNext() && after < upTo) {
                    long until = Math.min(upTo, after + TYPED_WINDOW);
                    window = inWindow(after, until, types).iterator();
                    after = until;
                }
                return window.hasNext();
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return window.next();
            }
        };
        Stream<TrackedEventData<?>> data = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return EventUtils.upcastAndDeserializeTrackedEvents(data, getEventSerializer(), upcasterChain);
    }

    private List<String> storedTypes(long upTo) {
        EventSchema schema = schema();
        String sql = "SELECT DISTINCT " + schema.payloadTypeColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " <= ?";
        try (Connection connection = getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, upTo);
            List<String> types = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    types.add(result.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new EventStoreException("could not list the stored payload types", e);
        }
    }

    private List<TrackedEventData<?>> inWindow(long after, long upTo, List<String> types) {
        EventSchema schema = schema();
        String sql = "SELECT " + trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ? AND "
                + schema.payloadTypeColumn() + " IN (" + String.join(", ", Collections.nCopies(types.size(), "?"))
                + ") ORDER BY " + schema.globalIndexColumn() + " ASC";
        try (Connection connection = getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            for (int i = 0; i < types.size(); i++) {
                statement.setString(3 + i, types.get(i));
            }
            List<TrackedEventData<?>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    // each event's own position and no gaps (a rebuild reads what has committed): the token is
                    // advanced from the position just before it (with no previous token Axon would list every
                    // position below as a gap)
                    long index = result.getLong(schema.globalIndexColumn());
                    rows.add(getTrackedEventData(result, GapAwareTrackingToken.newInstance(index - 1, Collections.emptySortedSet())));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new EventStoreException("could not read events by type", e);
        }
    }
}
