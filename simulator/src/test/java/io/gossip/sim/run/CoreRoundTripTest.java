package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoreRoundTripTest {
    @Test
    void oneProcessorMeasuresNothing() {
        assertTrue(Double.isNaN(CoreRoundTrip.measureNanos(1, 1_000, 1_000_000_000L)));
    }

    @Test
    void twoThreadsHandTheLineBackAndForth() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        double nanos = CoreRoundTrip.measureNanos(2, 5_000, 5_000_000_000L);
        // Two cache-line transfers between cores take tens of nanoseconds at the very least; a loop
        // that did not wait for the answer would take a few.
        assertTrue(nanos > 5 && Double.isFinite(nanos), nanos + " ns");
    }

    @Test
    void theBudgetEndsAMeasurementThatWouldTakeMinutes() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        // A billion round trips take 100 s or more; a 50 ms budget returns with the batches done.
        double nanos = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CoreRoundTrip.measureNanos(2, 1_000_000_000, 50_000_000L));
        assertTrue(nanos > 5 && Double.isFinite(nanos), nanos + " ns");
    }

    @Test
    void fewerRoundTripsThanBatchesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CoreRoundTrip.measureNanos(2, 9, 1_000_000L));
    }
}
