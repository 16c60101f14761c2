package dev.buyonce.app.deadletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Dead-lettering for the asynchronous processors (the payment saga and the purchase patterns), on Axon's JDBC
 * sequenced dead-letter queue, one queue per processor in {@code dead_letter_entry}.
 * <p>
 * An event whose handler throws is parked with its cause, and every later event of the same sequence (the same
 * aggregate, so the same order) is parked behind it, in order; events of other sequences keep flowing. The
 * processor's batch is not rolled back: before each event a savepoint is set, and a failed handler's own
 * database work is rolled back to it (on PostgreSQL a failed statement would otherwise abort the whole
 * transaction, parked letter included). What a handler changed in memory before it threw stays: the saga's
 * handlers do their checks and stored calls before they move their state on, so a parked event handled again
 * redoes what it did not finish.
 * <p>
 * Axon's own dead-lettering invoker serves neither processor here: it does not support sagas, and it parks a
 * failed event without a savepoint. So both use this one mechanism: an interceptor parks events of a parked
 * sequence and sets the savepoint, and the processor's error handler rolls back to it and parks the failed
 * event. {@link #retry} hands every parked sequence to the processor's own handlers again, oldest first.
 */
public class ProcessorDeadLetters {
    private static final Logger log = LoggerFactory.getLogger(ProcessorDeadLetters.class);
    /** The most sequences one listing shows per processor. */
    static final int LISTED_SEQUENCES = 100;

    public record Letter(String sequence, String eventId, String eventType, String aggregateId,
                         Long sequenceNumber, Instant enqueuedAt, Instant lastTouched, String causeType,
                         String causeMessage) {
    }

    public record ProcessorLetters(String processor, long sequences, long letters, List<Letter> oldest) {
    }

    public record RetryOutcome(String processor, int handled, int failed, long remaining) {
    }

    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues;
    private final DataSource dataSource;
    private final TransactionManager transactions;
    private final Supplier<Configuration> axon;
    private final ThreadLocal<Guard> guarded = new ThreadLocal<>();
    private final ThreadLocal<Boolean> retrying = ThreadLocal.withInitial(() -> false);

    ProcessorDeadLetters(Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues, DataSource dataSource,
                         TransactionManager transactions, Supplier<Configuration> axon) {
        this.queues = new LinkedHashMap<>(queues);
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.axon = axon;
    }

    public List<String> processors() {
        return List.copyOf(queues.keySet());
    }

    public List<ProcessorLetters> all() {
        List<ProcessorLetters> all = new ArrayList<>();
        queues.forEach((processor, queue) -> all.add(listing(processor, queue)));
        return all;
    }

    /**
     * Hands each parked sequence of {@code processor} to its handlers again, once: a sequence whose letters
     * are all handled leaves the queue; one that fails again stays, with the new cause, and so do the letters
     * behind it. Empty when there is no such processor.
     */
    public Optional<RetryOutcome> retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.get(processor);
        if (queue == null) {
            return Optional.empty();
        }
        EventHandlerInvoker handlers = axon.get().eventProcessingConfiguration()
                .eventProcessor(processor, AbstractEventProcessor.class)
                .map(AbstractEventProcessor::eventHandlerInvoker)
                .orElseThrow(() -> new IllegalStateException("no event processor named " + processor));
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long sequences = queue.amountOfSequences();
        for (long i = 0; i < sequences; i++) {
            int before = handled.get() + failed.get();
            queue.process(letter -> handleAgain(handlers, letter, handled, failed));
            if (handled.get() + failed.get() == before) {
                break; // nothing left that another retry is not already working on
            }
        }
        return Optional.of(new RetryOutcome(processor, handled.get(), failed.get(), queue.size()));
    }

    /** Parks events of an already parked sequence; sets a savepoint before any other event is handled. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.get(processor);
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            String sequence = sequenceOf(event);
            if (queue.enqueueIfPresent(sequence, () -> new GenericDeadLetter<>(sequence, event))) {
                log.warn("{}: parked {} {} behind an earlier failure of sequence {}", processor,
                        event.getPayloadType().getSimpleName(), event.getIdentifier(), sequence);
                return null;
            }
            Guard guard = Guard.set(dataSource);
            guarded.set(guard);
            try {
                return chain.proceed();
            } finally {
                guarded.remove();
                guard.release(dataSource);
            }
        };
    }

    /** Rolls a failed handler's database work back to the savepoint and parks the event with its cause. */
    ListenerInvocationErrorHandler errorHandler(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.get(processor);
        return (exception, event, handler) -> {
            Guard guard = guarded.get();
            if (retrying.get() || guard == null) {
                throw exception; // a retry (its caller keeps the letter), or an event outside the interceptor
            }
            guard.rollback();
            String sequence = sequenceOf(event);
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, exception));
            log.warn("{}: parked {} {} of sequence {}: {}", processor, event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), sequence, exception.toString());
        };
    }

    private EnqueueDecision<EventMessage<?>> handleAgain(EventHandlerInvoker handlers,
                                                        DeadLetter<? extends EventMessage<?>> letter,
                                                        AtomicInteger handled, AtomicInteger failed) {
        EventMessage<?> event = letter.message();
        retrying.set(true);
        try {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(transactions);
            var result = unitOfWork.executeWithResult(() -> {
                handlers.handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                failed.incrementAndGet();
                return Decisions.requeue(result.exceptionResult());
            }
            handled.incrementAndGet();
            return Decisions.evict();
        } finally {
            retrying.remove();
        }
    }

    /** Axon's default sequencing: one sequence per aggregate; an event of no aggregate is a sequence of its own. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier()
                : event.getIdentifier();
    }

    private static ProcessorLetters listing(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Letter> oldest = new ArrayList<>();
        int sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences++ == LISTED_SEQUENCES) {
                break;
            }
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                oldest.add(letter(letter));
            }
        }
        return new ProcessorLetters(processor, queue.amountOfSequences(), queue.size(), oldest);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        return new Letter(sequenceOf(event), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), letter.enqueuedAt(), letter.lastTouched(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }

    /** A savepoint on the transaction's connection; none when the processor runs without a transaction. */
    private record Guard(Connection connection, Savepoint savepoint) {
        static Guard set(DataSource dataSource) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return new Guard(null, null);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                return new Guard(connection, connection.setSavepoint());
            } catch (SQLException e) {
                throw new CannotGetJdbcConnectionException("could not set a savepoint before an event", e);
            }
        }

        void rollback() {
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not roll back to the savepoint before the event", e);
                }
            }
        }

        /**
         * Releases the savepoint and this guard's hold on the connection. A savepoint that cannot be released
         * means the transaction itself has failed; its commit then fails and the batch is retried.
         */
        void release(DataSource dataSource) {
            if (savepoint == null) {
                return;
            }
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                log.debug("could not release the savepoint after an event: {}", e.toString());
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
