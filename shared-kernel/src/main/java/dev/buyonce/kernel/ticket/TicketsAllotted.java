package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;

public record TicketsAllotted(AllowanceId allowanceId, ProgramId programId, UserId userId, OrderId orderId,
                              int tickets, Instant at) {
}
