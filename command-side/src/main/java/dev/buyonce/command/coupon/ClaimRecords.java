package dev.buyonce.command.coupon;

import dev.buyonce.kernel.coupon.ClaimId;
import dev.buyonce.kernel.coupon.ClaimKeyId;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a claim key or a claim exists, read from the event store: the record both aggregates write in the
 * claim's own unit of work, so what it shows is exactly what has committed. One indexed read of each aggregate's
 * first event (the unique (aggregate, sequence) key), both in one round trip, outside any unit of work.
 */
@Component
class ClaimRecords {
    private final JdbcTemplate jdbc;
    private final String sql;

    ClaimRecords(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.sql = "SELECT count(*) FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " IN (?, ?) AND " + schema.sequenceNumberColumn() + " = 0";
    }

    /** True when the key has been recorded (for any coupon) or the claim has been made. */
    boolean anyRecorded(ClaimKeyId key, ClaimId claim) {
        Long found = jdbc.queryForObject(sql, Long.class, key.toString(), claim.toString());
        return found != null && found > 0;
    }
}
