package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.Money;
import java.util.List;

/** Seats sold at one price: the rows they are in. */
public record TicketCategory(String id, String name, Money price, List<SeatRow> rows) {

    public TicketCategory {
        rows = List.copyOf(rows);
    }

    public boolean contains(SeatId seat) {
        return rows.stream().anyMatch(r -> r.row().equals(seat.row()) && seat.number() <= r.seats());
    }
}
