package dev.buyonce.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RetryPlanTest {

    @Test
    void retriesTwentyPercentOfRequestsHalfOfThemConcurrently() {
        long requests = LongStream.range(0, 8_000).map(i -> RetryPlan.forIteration(i).requests()).sum();
        long iterations = 8_000;
        long concurrent = LongStream.range(0, 8_000).filter(i -> RetryPlan.forIteration(i) == RetryPlan.CONCURRENT_DUPLICATE).count();
        long retries = requests - iterations;

        assertEquals(0.20, (double) retries / requests, 1e-9);
        assertEquals(retries / 2, concurrent);
    }

    @Test
    void warmUpIterationsFollowTheSamePlan() {
        assertEquals(RetryPlan.forIteration(0), RetryPlan.forIteration(ClosedLoop.WARM_UP_ITERATIONS));
    }
}
