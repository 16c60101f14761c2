package dev.buyonce.kernel.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A program as defined: immutable once on sale, so any copy of it is exact. */
public record ProgramView(ProgramId programId, String name, Instant startsAt, int maxTicketsPerOrder,
                          int maxTicketsPerUser, List<TicketCategory> categories) {

    public ProgramView {
        categories = List.copyOf(categories);
    }

    public Optional<TicketCategory> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    public Optional<TicketCategory> categoryOf(SeatId seat) {
        return categories.stream().filter(c -> c.contains(seat)).findFirst();
    }
}
