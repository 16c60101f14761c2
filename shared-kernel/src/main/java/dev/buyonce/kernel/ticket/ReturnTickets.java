package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an unpaid order's tickets back to the user's allowance; an order not counted is a no-op. */
public record ReturnTickets(@TargetAggregateIdentifier AllowanceId allowanceId, ProgramId programId, UserId userId,
                            OrderId orderId, Instant at) {

    public ReturnTickets(ProgramId programId, UserId userId, OrderId orderId, Instant at) {
        this(AllowanceId.of(programId, userId), programId, userId, orderId, at);
    }
}
