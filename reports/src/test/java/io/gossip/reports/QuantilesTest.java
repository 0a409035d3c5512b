package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void interpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(2.5, Quantiles.of(sorted, 0.5), 1e-12);
        assertEquals(1.15, Quantiles.of(sorted, 0.05), 1e-12);
        assertEquals(3.85, Quantiles.of(sorted, 0.95), 1e-12);
        assertEquals(1.0, Quantiles.of(sorted, 0.0), 1e-12);
        assertEquals(4.0, Quantiles.of(sorted, 1.0), 1e-12);
    }

    @Test
    void singleValueIsEveryQuantile() {
        assertEquals(7.0, Quantiles.of(new double[] {7}, 0.05));
        assertEquals(7.0, Quantiles.of(new double[] {7}, 0.95));
    }

    @Test
    void rejectsNoValuesAndQuantilesOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, 1.5));
    }
}
