package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;

/**
 * Which block of adjacent seats to offer: the tightest run that fits (the first such run on a tie), from its
 * start. Taking the tightest run fills gaps before breaking into long runs, so rows do not fragment into
 * single seats nobody can use together.
 */
final class BestFit {
    private BestFit() {
    }

    static List<SeatId> choose(List<List<SeatId>> runs, int quantity) {
        List<SeatId> best = null;
        for (List<SeatId> run : runs) {
            if (run.size() >= quantity && (best == null || run.size() < best.size())) {
                best = run;
            }
        }
        return best == null ? List.of() : List.copyOf(best.subList(0, quantity));
    }
}
