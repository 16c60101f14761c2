package dev.buyonce.kernel.ticket;

import java.time.Instant;
import java.util.List;

public record ProgramDefined(ProgramId programId, String name, Instant startsAt, int maxTicketsPerOrder,
                             int maxTicketsPerUser, List<TicketCategory> categories) {

    public ProgramDefined {
        categories = List.copyOf(categories);
    }
}
