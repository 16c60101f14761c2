package dev.buyonce.query.admin;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.buyonce.query.QuerySettings;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds of views. A view is written by a subscribing processor in each command's own transaction, so it
 * has no token to reset: a rebuild is a persistent task instead. The request stores the rebuild's state in
 * {@code projection_replay} and schedules the task in db-scheduler's table; whichever node's scheduler picks
 * it up carries it out (another node revives it if that node dies), and every node reads the state from the
 * table. The task calls the view's reset handler (rows are marked stale, not deleted, so reads go on), then
 * feeds every event up to the log head at the request of a type the view handles ({@link EventsByType}) through the
 * view's own handlers, in batches of one transaction each, marked as a replay. Events committed meanwhile are applied by the view as usual; each
 * row's last sequence makes the two meet without harm.
 */
@Configuration
public class ProjectionReplays {
    static final String TASK = "projection-replay";
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    public enum Status { REPLAYING, LIVE }

    record Replay(String name, Status status, long target, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<EventsByType> byType;
    private final ObjectProvider<ReplayBatch> setBased;
    private final int batchSize;
    private final boolean postgres;

    ProjectionReplays(EventProcessingConfiguration processing, EventStorageEngine storage, JdbcTemplate jdbc,
                      PlatformTransactionManager transactionManager, ObjectProvider<SchedulerClient> scheduler,
                      ObjectProvider<EventsByType> byType, ObjectProvider<ReplayBatch> setBased,
                      QuerySettings settings) {
        this.processing = processing;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scheduler = scheduler;
        this.byType = byType;
        this.setBased = setBased;
        this.batchSize = settings.projections().replayBatchSize();
        this.postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase().contains("postgres");
    }

    @Bean
    OneTimeTask<String> projectionReplayTask() {
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> run(instance.getData()));
    }

    /**
     * The views that can be rebuilt. Each of their rows remembers the last event it applied, so events seen
     * twice change nothing. The catalog, the programs and the coupons are definitions written once (a program's
     * seat rows are inserted with it), not rebuilt; the purchase patterns are insert-only facts written after the fact
     * by a streaming processor of their own.
     */
    static final Set<String> REBUILDABLE = Set.of("orders", "entitlements", "payments", "seat-map", "coupon-claims");

    Optional<SubscribingEventProcessor> view(String name) {
        return Optional.of(name).filter(REBUILDABLE::contains)
                .flatMap(n -> processing.eventProcessor(n, SubscribingEventProcessor.class));
    }

    /**
     * Records a rebuild up to {@code head} and schedules it; a rebuild already waiting or running is not
     * scheduled twice. False when there is no such view.
     */
    boolean request(String name, long head) {
        if (view(name).isEmpty()) {
            return false;
        }
        Timestamp now = Timestamp.from(Instant.now());
        transactions.executeWithoutResult(tx -> {
            if (jdbc.update("UPDATE projection_replay SET status = ?, target_position = ?, position = -1, "
                    + "requested_at = ?, updated_at = ? WHERE name = ?", Status.REPLAYING.name(), head, now, now, name) == 0) {
                jdbc.update("INSERT INTO projection_replay (name, status, target_position, position, requested_at, "
                        + "updated_at) VALUES (?, ?, ?, -1, ?, ?)", name, Status.REPLAYING.name(), head, now, now);
            }
        });
        scheduler.getObject().scheduleIfNotExists(projectionReplayTask().instance(name, name), Instant.now());
        return true;
    }

    /** The rebuild state of a view as stored, whichever node requested or runs it. */
    Optional<Replay> state(String name) {
        return jdbc.query("SELECT status, target_position, position FROM projection_replay WHERE name = ?",
                (row, i) -> new Replay(name, Status.valueOf(row.getString(1)), row.getLong(2), row.getLong(3)), name)
                .stream().findFirst();
    }

    /** Carries out a rebuild (the task's body): reset, then every event up to the recorded target, in batches. */
    void run(String name) {
        Optional<SubscribingEventProcessor> view = view(name);
        Optional<Replay> replay = state(name);
        if (view.isEmpty() || replay.isEmpty()) {
            log.warn("Rebuild of {} skipped: no such view or no recorded request", name);
            return;
        }
        EventHandlerInvoker handlers = view.get().eventHandlerInvoker();
        long target = replay.get().target();
        long started = System.nanoTime();
        transactions.executeWithoutResult(tx -> {
            handlers.performReset();
            progress(name, -1);
        });
        TrackingToken resetAt = GapAwareTrackingToken.newInstance(target, List.of());
        long applied = 0;
        long position = -1;
        try (Stream<? extends TrackedEventMessage<?>> events = eventsFor(handlers, target)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<EventMessage<?>> batch = new ArrayList<>(batchSize);
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long index = event.trackingToken().position().orElse(-1);
                if (index > target) {
                    break;
                }
                batch.add(event.withTrackingToken(ReplayToken.createReplayToken(resetAt, event.trackingToken())));
                position = index;
                if (batch.size() == batchSize) {
                    apply(name, handlers, batch, position);
                    applied += batch.size();
                    batch.clear();
                }
            }
            apply(name, handlers, batch, target);
            applied += batch.size();
        }
        transactions.executeWithoutResult(tx -> jdbc.update(
                "UPDATE projection_replay SET status = ?, position = ?, updated_at = ? WHERE name = ?",
                Status.LIVE.name(), target, Timestamp.from(Instant.now()), name));
        log.info("Rebuilt view {} from {} events up to position {} in {} ms", name, applied, target,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The events up to {@code target} that the view may handle: only those of payload types its handlers take when
     * the store can read by type, else the whole log (the handlers skip what they do not take).
     */
    private Stream<? extends TrackedEventMessage<?>> eventsFor(EventHandlerInvoker handlers, long target) {
        EventsByType reader = byType.getIfAvailable();
        return reader != null ? reader.readEvents(replayedTypes(handlers), target) : storage.readEvents(null, false);
    }

    /**
     * The payload types some handler of the view takes in a rebuild: a handler class marked {@link DisallowReplay}
     * (Axon skips it for replayed events) does not count, so a catch-all of that kind does not make the rebuild read
     * the whole log.
     */
    static Predicate<Class<?>> replayedTypes(EventHandlerInvoker handlers) {
        if (handlers instanceof MultiEventHandlerInvoker multi) {
            List<Predicate<Class<?>>> each = multi.delegates().stream().map(ProjectionReplays::replayedTypes).toList();
            return type -> each.stream().anyMatch(delegate -> delegate.test(type));
        }
        if (!(handlers instanceof SimpleEventHandlerInvoker simple)) {
            return handlers::canHandleType;
        }
        List<EventMessageHandler> replayed = simple.eventHandlers().stream()
                .filter(handler -> !(handler instanceof AnnotationEventHandlerAdapter adapter
                        && AnnotationUtils.findAnnotation(adapter.getTargetType(), DisallowReplay.class) != null))
                .toList();
        return type -> replayed.stream().anyMatch(handler -> handler.canHandleType(type));
    }

    /**
     * One batch in one transaction, set-based where the view has a {@link ReplayBatch} (its rows read before the
     * handlers run and written back after; each of the {@link #REBUILDABLE} views has one), row by row through the
     * handlers' own repositories otherwise. On PostgreSQL
     * the rebuild waits at most briefly for a row a command holds and then gives way (rolls back and tries the batch
     * again), so a command never waits on a rebuild long enough to meet a deadlock with it.
     */
    private void apply(String name, EventHandlerInvoker handlers, List<EventMessage<?>> batch, long position) {
        List<ReplayBatch> own = setBased.stream().filter(rows -> rows.view().equals(name)).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> {
                    if (postgres) {
                        jdbc.execute("SET LOCAL lock_timeout = '100ms'");
                    }
                    own.forEach(rows -> rows.begin(batch));
                    for (EventMessage<?> event : batch) {
                        try {
                            handlers.handle(event, Segment.ROOT_SEGMENT);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException("view " + name + " could not apply " + event.getPayloadType(), e);
                        }
                    }
                    own.forEach(ReplayBatch::flush);
                    progress(name, position);
                });
                return;
            } catch (DataAccessException | IllegalStateException | jakarta.persistence.PersistenceException e) {
                if (attempt >= 20) {
                    throw e;
                }
                log.debug("Rebuild of {} gave way to a command (attempt {}): {}", name, attempt, e.getMessage());
                sleep(attempt * 20L);
            } finally {
                own.forEach(ReplayBatch::end);
            }
        }
    }

    private void progress(String name, long position) {
        jdbc.update("UPDATE projection_replay SET position = ?, updated_at = ? WHERE name = ?", position,
                Timestamp.from(Instant.now()), name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }
}
