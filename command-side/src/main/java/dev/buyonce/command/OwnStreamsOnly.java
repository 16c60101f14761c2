package dev.buyonce.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Creates an aggregate only from a stream its own type wrote. Aggregate ids are name-based UUIDs of public
 * inputs, so anyone can compute, say, an entitlement's id and send it where an order id is expected; the
 * stream found under it then holds another aggregate's events. Such a stream names no aggregate of this type:
 * it is {@link AggregateNotFoundException}, which every command edge already answers as "not found".
 */
final class OwnStreamsOnly<T> extends GenericAggregateFactory<T> {

    OwnStreamsOnly(Class<T> aggregateType) {
        super(aggregateType);
    }

    @Override
    protected T doCreateAggregate(String aggregateIdentifier, DomainEventMessage firstEvent) {
        String type = aggregateModel().type();
        if (firstEvent != null && firstEvent.getType() != null && !type.equals(firstEvent.getType())) {
            throw new AggregateNotFoundException(aggregateIdentifier,
                    "stream " + aggregateIdentifier + " belongs to a " + firstEvent.getType() + ", not to a " + type);
        }
        return super.doCreateAggregate(aggregateIdentifier, firstEvent);
    }
}
