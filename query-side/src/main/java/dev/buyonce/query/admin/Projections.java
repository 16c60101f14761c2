package dev.buyonce.query.admin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event processor (views, sagas, policies), where it stands against the head of the event log, and how
 * far behind it is, in events and in seconds. It reads only what all nodes share (the event table, the token
 * table, the rebuild table), so every node gives the same answer whichever node holds which segment.
 * <ul>
 *   <li>A view is written in the command's own transaction (a subscribing processor): it is at the head by
 *   construction, except while it is being rebuilt, when its position is the rebuild's.</li>
 *   <li>A saga or policy runs on a streaming processor: its position is the lowest position of its segments
 *   in the token table.</li>
 * </ul>
 */
@Component
public class Projections {

    public enum Kind {
        VIEW, SAGA, POLICY;

        @JsonValue
        String json() {
            return name().toLowerCase();
        }
    }

    /** {@code replayable}: a view that {@code POST .../replay} rebuilds (the catalog and programs are definitions). */
    public record ProcessorView(String name, Kind kind, ProjectionReplays.Status status, long position, long head,
                                long lagEvents, double lagSeconds, boolean replayable) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionReplays replays;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    Projections(EventProcessingConfiguration processing, EventStore events, ProjectionReplays replays,
                JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.events = events;
        this.replays = replays;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<ProcessorView> all() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .map(p -> view(p, head))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ProcessorView::name))
                .toList();
    }

    Optional<ProcessorView> find(String name) {
        return processing.eventProcessor(name).flatMap(p -> view(p, head()));
    }

    /** Starts a rebuild of a view; false when there is no such view (sagas and policies are never rebuilt). */
    boolean replay(String name) {
        return replays.request(name, head());
    }

    private Optional<ProcessorView> view(EventProcessor processor, long head) {
        String name = processor.getName();
        Kind kind = kindOf(name);
        long position;
        ProjectionReplays.Status status = ProjectionReplays.Status.LIVE;
        if (processor instanceof SubscribingEventProcessor) {
            Optional<ProjectionReplays.Replay> replay = replays.state(name)
                    .filter(r -> r.status() == ProjectionReplays.Status.REPLAYING);
            status = replay.map(ProjectionReplays.Replay::status).orElse(ProjectionReplays.Status.LIVE);
            position = replay.map(ProjectionReplays.Replay::position).orElse(head);
        } else if (processor instanceof StreamingEventProcessor) {
            position = storedPosition(name);
        } else {
            return Optional.empty();
        }
        long lagEvents = Math.max(0, head - position);
        return Optional.of(new ProcessorView(name, kind, status, position, head, lagEvents,
                lagEvents == 0 ? 0 : secondsBehind(position), replays.view(name).isPresent()));
    }

    /** The lowest position over the processor's segments in the token table, whoever claims them; -1 if none. */
    private long storedPosition(String processorName) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (row, i) -> {
                    byte[] token = row.getBytes(1);
                    String type = row.getString(2);
                    if (token == null || type == null) {
                        return -1L;
                    }
                    TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    return tracking == null ? -1L : tracking.position().orElse(-1);
                }, processorName).stream()
                .mapToLong(Long::longValue)
                .min().orElse(-1);
    }

    /** How long the oldest event the processor has not handled yet has been waiting. */
    private double secondsBehind(long position) {
        List<String> next = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, position);
        if (next.isEmpty()) {
            return 0;
        }
        try {
            Duration waiting = Duration.between(Instant.parse(next.get(0)), Instant.now());
            return Math.max(0, waiting.toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }

    private static Kind kindOf(String processorName) {
        if (processorName.endsWith("SagaProcessor")) {
            return Kind.SAGA;
        }
        return processorName.endsWith("-policy") ? Kind.POLICY : Kind.VIEW;
    }
}
