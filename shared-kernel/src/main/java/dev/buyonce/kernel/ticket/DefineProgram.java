package dev.buyonce.kernel.ticket;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a program on sale; the same definition again changes nothing, a different one is refused. */
public record DefineProgram(ProgramId programId, String name, Instant startsAt,
                            int maxTicketsPerOrder, int maxTicketsPerUser, List<TicketCategory> categories) {

    public DefineProgram {
        categories = List.copyOf(categories);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return programId.aggregateId();
    }
}
