package dev.buyonce.command.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BestFitTest {

    static List<SeatId> run(String row, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> SeatId.of(row, n)).toList();
    }

    @Test
    void fillsTheTightestGapBeforeBreakingIntoALongRun() {
        List<List<SeatId>> runs = List.of(run("A", 1, 20), run("B", 4, 5), run("C", 1, 3));
        assertThat(BestFit.choose(runs, 2)).containsExactly(SeatId.of("B", 4), SeatId.of("B", 5));
    }

    @Test
    void takesTheStartOfTheRunSoTheRestStaysTogether() {
        assertThat(BestFit.choose(List.of(run("A", 3, 10)), 3))
                .containsExactly(SeatId.of("A", 3), SeatId.of("A", 4), SeatId.of("A", 5));
    }

    @Test
    void offersNothingWhenNoRunIsLongEnough() {
        assertThat(BestFit.choose(List.of(run("A", 1, 1), run("A", 3, 3)), 2)).isEmpty();
    }
}
