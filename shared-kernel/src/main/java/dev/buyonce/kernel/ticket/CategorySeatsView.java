package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.Money;
import java.util.List;

/** One category of a seat map, its seats in row and number order. */
public record CategorySeatsView(String categoryId, Money price, long free, long held, long sold, List<SeatView> seats) {

    public CategorySeatsView {
        seats = List.copyOf(seats);
    }
}
