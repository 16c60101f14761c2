package dev.buyonce.query.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The projections (every streaming processor except sagas and policies, which act on the world and are
 * never replayed), where they stand against the head of the event log, and their rebuilds.
 */
@Component
class Projections {
    enum Status { REPLAYING, LIVE }

    record ProjectionView(String name, Status status, long position, long head) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    /** A rebuild in progress: live again once restarted and caught up past the head it began at. */
    private static final class Rebuild {
        final long target;
        volatile boolean restarted;

        Rebuild(long target) {
            this.target = target;
        }
    }

    private final Map<String, Rebuild> rebuilding = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    List<ProjectionView> all() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(p -> view((StreamingEventProcessor) p, head))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ProjectionView::name))
                .toList();
    }

    Optional<ProjectionView> find(String name) {
        return projection(name).flatMap(p -> view(p, head()));
    }

    /** Starts a rebuild in the background; false when there is no such projection. */
    boolean replay(String name) {
        Optional<StreamingEventProcessor> processor = projection(name);
        processor.ifPresent(p -> {
            Rebuild rebuild = new Rebuild(head());
            rebuilding.put(name, rebuild);
            Thread worker = new Thread(() -> {
                p.shutDown();
                p.resetTokens();
                p.start();
                rebuild.restarted = true;
            }, "replay-" + name);
            worker.setDaemon(true);
            worker.start();
        });
        return processor.isPresent();
    }

    private Optional<StreamingEventProcessor> projection(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).filter(p -> !isSaga(p.getName()));
    }

    private Optional<ProjectionView> view(StreamingEventProcessor processor, long head) {
        if (isSaga(processor.getName())) {
            return Optional.empty();
        }
        long position = position(processor);
        Rebuild rebuild = rebuilding.get(processor.getName());
        boolean replaying = rebuild != null && (!rebuild.restarted || !processor.isRunning() || position < rebuild.target
                || processor.processingStatus().values().stream().anyMatch(s -> !s.isCaughtUp()));
        if (rebuild != null && !replaying) {
            rebuilding.remove(processor.getName(), rebuild);
        }
        return Optional.of(new ProjectionView(processor.getName(), replaying ? Status.REPLAYING : Status.LIVE,
                position, head));
    }

    /** The lowest position over the processor's segments: everything up to it is in the view. */
    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return -1;
        }
        return segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1))
                .min().orElse(-1);
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }

    /** Sagas and policies act on the world (commands, providers); only views are rebuilt. */
    private static boolean isSaga(String processorName) {
        return processorName.endsWith("SagaProcessor") || processorName.endsWith("-policy");
    }
}
