package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Counts an order's tickets against the user's limit for the program; the same order again is a no-op. */
public record AllotTickets(@TargetAggregateIdentifier AllowanceId allowanceId, ProgramId programId, UserId userId,
                           OrderId orderId, int tickets, int maxTicketsPerUser, Instant at) {

    public AllotTickets(ProgramId programId, UserId userId, OrderId orderId, int tickets, int maxTicketsPerUser,
                        Instant at) {
        this(AllowanceId.of(programId, userId), programId, userId, orderId, tickets, maxTicketsPerUser, at);
    }
}
