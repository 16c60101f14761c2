package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.DeterministicIds;
import java.util.UUID;

/** The identity of one seat aggregate: derived from (program, seat) and nothing else, so a seat exists once. */
public record SeatKey(UUID value) {

    public SeatKey {
        if (value == null) {
            throw new IllegalArgumentException("seat key is required");
        }
    }

    public static SeatKey of(ProgramId program, SeatId seat) {
        return new SeatKey(DeterministicIds.of("seat", program.value(), seat.value()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
