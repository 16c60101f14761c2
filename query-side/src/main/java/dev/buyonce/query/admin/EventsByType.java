package dev.buyonce.query.admin;

import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The event log read for a rebuild: only the events whose payload type a view handles. Most of a long log is of
 * types one view never handles (imported purchases, for the order or seat views), and reading them only to skip them
 * was most of a rebuild's work.
 */
public interface EventsByType {

    /**
     * The events with a global position up to {@code upTo} whose payload class {@code wanted} accepts, in log order,
     * read in batches as the stream is consumed; an event whose class is not known here is included, so the view's
     * handlers decide. The caller closes the stream.
     */
    Stream<? extends TrackedEventMessage<?>> readEvents(Predicate<Class<?>> wanted, long upTo);
}
