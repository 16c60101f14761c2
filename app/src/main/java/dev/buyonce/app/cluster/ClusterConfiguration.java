package dev.buyonce.app.cluster;

import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;
import dev.buyonce.query.signal.LocalChangeSignals;
import java.util.List;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What joins the nodes besides the tables they share: announcements of committed changes through
 * PostgreSQL's LISTEN/NOTIFY, which also wake each node's streaming processors. The embedded database belongs
 * to one process, so there the announcements stay on this node.
 */
@Configuration
class ClusterConfiguration {

    /** Axon's embedded event store, as its auto-configuration would build it, but one that can be woken. */
    @Bean
    WakeableEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new WakeableEventStore(WakeableEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    ChangeSignals changeSignals(DataSourceProperties dataSource, List<ChangeListener> listeners,
                                WakeableEventStore eventStore) {
        String url = dataSource.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresChangeSignals(url, dataSource.determineUsername(), dataSource.determinePassword(),
                    listeners, eventStore::wake);
        }
        return new LocalChangeSignals(listeners);
    }
}
