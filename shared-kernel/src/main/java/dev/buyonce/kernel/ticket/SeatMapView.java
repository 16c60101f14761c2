package dev.buyonce.kernel.ticket;

import java.util.List;

public record SeatMapView(ProgramId programId, List<CategorySeatsView> categories) {

    public SeatMapView {
        categories = List.copyOf(categories);
    }
}
