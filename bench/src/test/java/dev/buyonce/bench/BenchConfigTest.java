package dev.buyonce.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenchConfigTest {

    @Test
    void freshnessPacesAtHalfTheCapacityUnlessToldOtherwise() {
        assertEquals(0.5, BenchConfig.parse("--quick").freshnessLoad());
        assertEquals(0.3, BenchConfig.parse("--freshness-load=0.3").freshnessLoad());
    }

    @Test
    void rejectsAFreshnessLoadThatIsNoFractionOfTheCapacity() {
        for (String value : new String[] {"0", "-0.5", "2.5", "half", "NaN", ""}) {
            assertThrows(IllegalArgumentException.class, () -> BenchConfig.parse("--freshness-load=" + value).freshnessLoad(),
                    value);
        }
    }
}
