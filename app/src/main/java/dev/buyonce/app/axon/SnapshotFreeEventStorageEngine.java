package dev.buyonce.app.axon;

import java.util.Optional;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store without snapshot reads. BuyOnce's aggregates live short lives of a handful of events
 * (an order, a seat, one user's entitlement to one product), so no snapshotter is configured and the
 * snapshot table stays empty; asking it anyway would cost every command one more query. If snapshots are
 * ever introduced, this class goes.
 */
class SnapshotFreeEventStorageEngine extends JdbcEventStorageEngine {

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
}
