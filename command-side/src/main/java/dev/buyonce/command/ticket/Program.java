package dev.buyonce.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.ticket.DefineProgram;
import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramDefinition;
import dev.buyonce.kernel.ticket.ProgramId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A program on sale: its categories, prices, seat map and limits. The definition is immutable, which is what
 * lets every node price and validate ticket orders from its own copy without touching this aggregate.
 */
@AggregateRoot
public class Program {
    /** {@link ProgramId#aggregateId()}: programs have an id space of their own. */
    @AggregateIdentifier
    private String aggregateId;
    private ProgramDefined definition;

    Program() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ProgramDefinition handle(DefineProgram command) {
        ProgramDefined wanted = new ProgramDefined(command.programId(), command.name(), command.startsAt(),
                command.maxTicketsPerOrder(), command.maxTicketsPerUser(), command.categories());
        if (definition == null) {
            apply(wanted);
            return ProgramDefinition.CREATED;
        }
        if (definition.equals(wanted)) {
            return ProgramDefinition.UNCHANGED;
        }
        throw new ProgramConflict(command.programId());
    }

    @EventSourcingHandler
    void on(ProgramDefined event) {
        this.aggregateId = event.programId().aggregateId();
        this.definition = event;
    }
}
