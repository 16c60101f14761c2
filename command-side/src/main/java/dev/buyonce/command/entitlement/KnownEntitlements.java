package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.entitlement.EntitlementId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of many entitlements already have an event stream, in one indexed query. A bulk import uses it to
 * create unknown entitlements without reading their (empty) history one by one; it is only an
 * optimisation: a stream created meanwhile still makes the import's append fail on the event store's
 * unique key, and the batch is retried.
 */
@Component
class KnownEntitlements {
    private final JdbcTemplate jdbc;
    private final String query;

    KnownEntitlements(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.query = "SELECT DISTINCT " + schema.aggregateIdentifierColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " IN (%s)";
    }

    Set<String> existing(Collection<EntitlementId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> values = ids.stream().map(EntitlementId::toString).distinct().toList();
        String placeholders = values.stream().map(v -> "?").collect(Collectors.joining(","));
        return new HashSet<>(jdbc.queryForList(query.formatted(placeholders), String.class, values.toArray()));
    }
}
