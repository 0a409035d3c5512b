package io.gossip.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.scenario.LatencySpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
    private static final int SAMPLES = 100_000;

    /** Checks sample mean and standard deviation against the model's within about five standard errors. */
    private static void assertMoments(LatencySpec spec, double mean, double stddev) {
        LatencyModel model = new LatencyModel(spec);
        SplittableRandom random = new SplittableRandom(7);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = model.drawMillis(random);
            assertTrue(x >= 0, "negative latency " + x);
            sum += x;
            sumSquares += x * x;
        }
        double m = sum / SAMPLES;
        double sd = Math.sqrt(sumSquares / SAMPLES - m * m);
        double meanTolerance = 5 * stddev / Math.sqrt(SAMPLES) + 1e-9;
        assertEquals(mean, m, meanTolerance, "mean of " + spec);
        assertEquals(stddev, sd, 0.02 * stddev + 1e-9, "stddev of " + spec);
    }

    @Test
    void constantLatencyIsAlwaysTheSame() {
        assertMoments(new LatencySpec.Constant(12.5), 12.5, 0);
    }

    @Test
    void uniformLatencyHasMeanMidpointAndStddevRangeOverRootTwelve() {
        assertMoments(new LatencySpec.Uniform(10, 100), 55, 90 / Math.sqrt(12));
    }

    @Test
    void normalLatencyFarFromZeroKeepsItsMeanAndStddev() {
        assertMoments(new LatencySpec.Normal(50, 10), 50, 10);
    }

    @Test
    void normalLatencyIsTruncatedAtZeroByRedrawing() {
        // Normal(5, 10) conditioned on x >= 0: mean = mu + sigma*phi(a)/(1 - Phi(a)), a = -0.5.
        double phi = Math.exp(-0.125) / Math.sqrt(2 * Math.PI);
        double tail = 0.6914624612740131;
        double lambda = phi / tail;
        double mean = 5 + 10 * lambda;
        double variance = 100 * (1 + (-0.5) * lambda - lambda * lambda);
        assertMoments(new LatencySpec.Normal(5, 10), mean, Math.sqrt(variance));
    }

    @Test
    void logNormalLatencyHasTheLogNormalMoments() {
        double mean = 20 * Math.exp(0.5 * 0.25);
        double stddev = mean * Math.sqrt(Math.exp(0.25) - 1);
        assertMoments(new LatencySpec.LogNormal(20, 0.5), mean, stddev);
    }
}
