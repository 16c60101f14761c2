package dev.buyonce.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void arrivalsFallDueAtTheRateWhetherOrNotEarlierOnesAreAnswered() throws Exception {
        Map<Long, Long> dueByIteration = new ConcurrentHashMap<>();
        // each arrival takes 30 ms, six times the 5 ms between arrivals: a closed loop of one client could not keep up
        OpenLoop loop = new OpenLoop(200, 16, Duration.ofMillis(500), Duration.ofSeconds(1));

        OpenLoop.Outcome outcome = loop.run((worker, iteration, due) -> {
            dueByIteration.put(iteration, due);
            Thread.sleep(30);
            return true;
        });

        assertEquals(100, outcome.due());
        assertEquals(100, outcome.started());
        assertEquals(100, outcome.answered());
        assertEquals(0, outcome.notStarted());
        assertEquals(0, outcome.late());
        assertEquals(0, outcome.latePacer());
        assertTrue(outcome.maxBusyWorkers() > 1, "arrivals overlapped");
        long first = dueByIteration.get(0L);
        for (long i = 0; i < 100; i++) {
            assertEquals(Math.round(i * 5e6), dueByIteration.get(i) - first, "arrival " + i + " fell due on the schedule");
        }
    }

    @Test
    void arrivalsWaitingForABusyWorkerStartLateOrNotAtAll() throws Exception {
        OpenLoop loop = new OpenLoop(100, 1, Duration.ofMillis(400), Duration.ofMillis(100));

        OpenLoop.Outcome outcome = loop.run((worker, iteration, due) -> {
            Thread.sleep(50);
            return true;
        });

        assertEquals(40, outcome.due());
        assertEquals(outcome.due(), outcome.started() + outcome.notStarted());
        assertTrue(outcome.notStarted() > 0, "the one worker could not start them all: " + outcome);
        assertTrue(outcome.late() > 0, "arrivals waited more than 100 ms: " + outcome);
        assertTrue(outcome.maxStartDelayMillis() > 100, outcome.toString());
        assertEquals(1, outcome.maxBusyWorkers());
    }

    @Test
    void anArrivalAnsweredOtherwiseThanDueOrThatThrowsCountsAsFailed() throws Exception {
        OpenLoop loop = new OpenLoop(100, 4, Duration.ofMillis(100), Duration.ofSeconds(1));

        OpenLoop.Outcome outcome = loop.run((worker, iteration, due) -> {
            if (iteration % 2 == 0) {
                throw new IllegalStateException("no answer");
            }
            return iteration % 3 != 0;
        });

        assertEquals(10, outcome.due());
        assertEquals(3, outcome.answered()); // 1, 5, 7
        assertEquals(7, outcome.failed());
    }
}
