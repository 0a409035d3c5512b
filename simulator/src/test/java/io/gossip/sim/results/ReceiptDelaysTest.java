package io.gossip.sim.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReceiptDelaysTest {
    /** The definitions read off sorted delays, as the statistics were computed before. */
    private static long sortedQuantile(long[] sorted, int reached, int live, double q) {
        int needed = Math.max(1, (int) Math.ceil(q * live - 1e-9));
        return live == 0 || needed > reached ? -1 : sorted[needed - 1];
    }

    private static int[] sortedCurve(long[] sorted, int reached, long step) {
        if (reached == 0) {
            return new int[] {0};
        }
        int steps = (int) ((sorted[reached - 1] + step - 1) / step) + 1;
        int[] curve = new int[steps];
        for (int k = 0, at = 0; k < steps; k++) {
            while (at < reached && sorted[at] <= k * step) {
                at++;
            }
            curve[k] = at;
        }
        return curve;
    }

    private static void assertSameAsSorted(long[] delays, int reached, int live, long step) {
        long[] sorted = Arrays.copyOf(delays, reached);
        Arrays.sort(sorted);
        BroadcastResult r = ReceiptDelays.result(3, 7, 1_000, live, delays.clone(), reached, 4, 50, 9, 2, step);
        String what = reached + " of " + live + ", step " + step + ": " + Arrays.toString(sorted);
        assertEquals(sortedQuantile(sorted, reached, live, 0.5), r.t50Micros(), what);
        assertEquals(sortedQuantile(sorted, reached, live, 0.99), r.t99Micros(), what);
        assertEquals(sortedQuantile(sorted, reached, live, 1.0), r.t100Micros(), what);
        assertArrayEquals(sortedCurve(sorted, reached, step), r.coverageCurve(), what);
        assertEquals(reached, r.reached());
        assertEquals(9, r.duplicates());
        assertEquals(2, r.redelivered());
    }

    @Test
    void unsortedDelaysGiveWhatSortedOnesGave() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int live = random.nextInt(1, 400);
            int reached = random.nextInt(0, live + 1);
            long step = random.nextBoolean() ? 10_000 : random.nextLong(1, 50);
            // Narrow ranges give ties and delays on step boundaries; wide ones, long curves.
            long range = switch (random.nextInt(3)) {
                case 0 -> 5;
                case 1 -> 3 * step + 1;
                default -> 400_000;
            };
            long[] delays = new long[reached + random.nextInt(3)]; // room past reached is ignored
            for (int i = 0; i < delays.length; i++) {
                delays[i] = random.nextInt(4) == 0 ? step * random.nextLong(0, 4) : random.nextLong(0, range);
            }
            assertSameAsSorted(delays, reached, live, step);
        }
    }

    /**
     * Waves as large runs make them: tens of thousands of delays, most in a few steps, many equal,
     * so that the median's step holds thousands to select from.
     */
    @Test
    void largeConcentratedWavesGiveWhatSortedOnesGave() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 40; trial++) {
            int live = random.nextInt(10_000, 60_000);
            int reached = live - random.nextInt(0, 10);
            long[] delays = new long[reached];
            long centre = random.nextLong(50_000, 300_000);
            long spread = random.nextBoolean() ? 40_000 : 300;
            for (int i = 0; i < reached; i++) {
                delays[i] = Math.max(0, centre + (long) (random.nextGaussian() * spread));
            }
            assertSameAsSorted(delays, reached, live, random.nextBoolean() ? 10_000 : 100_000);
        }
    }

    @Test
    void selectionFindsEveryRankOfArraysWithTies() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(1, 200);
            long[] values = new long[n];
            long range = random.nextBoolean() ? 3 : 1_000_000;
            for (int i = 0; i < n; i++) {
                values[i] = random.nextLong(range);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                assertEquals(sorted[k], ReceiptDelays.select(values.clone(), n, k),
                        "rank " + k + " of " + Arrays.toString(values));
            }
        }
    }

    @Test
    void edgeCases() {
        assertSameAsSorted(new long[0], 0, 0, 10);
        assertSameAsSorted(new long[0], 0, 5, 10);
        assertSameAsSorted(new long[] {0}, 1, 1, 10);
        assertSameAsSorted(new long[] {0, 0, 0}, 3, 3, 1);
        assertSameAsSorted(new long[] {10, 20, 10, 0}, 4, 4, 10);
        assertSameAsSorted(new long[] {99, 1}, 2, 200, 10); // too few reached for any quantile
        assertSameAsSorted(new long[] {5, 3, 9, 1}, 4, 4, 1_000_000);
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ReceiptDelays.result(0, 0, 0, 2, new long[] {5, -1}, 2, 0, 0, 0, 0, 10));
    }

    @Test
    void aCurveTooLongForTheGridIsRefusedWithTheStepThatWouldDo() {
        long last = 30_000_000_000L; // a receipt 30,000,000 ms after sending, on a 1 µs grid
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReceiptDelays.result(0, 0, 0, 2, new long[] {5, last}, 2, 0, 0, 0, 0, 1));
        assertEquals("a broadcast's last first receipt came 30000000.0 ms after it was sent: its coverage curve "
                + "would have 30,000,000,001 points of output.coverageStepMillis 0.001, more than the 100,000,000 a "
                + "curve may have; set output.coverageStepMillis to 0.301 or more", e.getMessage());
        // 0.301 ms gives ceil(30,000,000,000 / 301) + 1 = 99,667,775 points; 0.3 ms would give 100,000,001.
        assertEquals(2, ReceiptDelays.result(0, 0, 0, 2, new long[] {5, last}, 2, 0, 0, 0, 0, 30_000).reached());
    }
}
