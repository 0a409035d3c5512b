package io.gossip.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.sim.scenario.LossSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossModelTest {
    private static final int SAMPLES = 200_000;

    @Test
    void independentLossLosesTheConfiguredFraction() {
        LossModel model = new LossModel(new LossSpec.Independent(0.1), 1);
        SplittableRandom random = new SplittableRandom(3);
        int lost = 0;
        for (int i = 0; i < SAMPLES; i++) {
            lost += model.lose(0, random) ? 1 : 0;
        }
        // Binomial standard error: sqrt(0.1 * 0.9 / 200000) = 0.00067.
        assertEquals(0.1, (double) lost / SAMPLES, 0.0034);
    }

    @Test
    void noLossNeverLoses() {
        LossModel model = new LossModel(LossSpec.none(), 1);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(false, model.lose(0, random));
        }
    }

    @Test
    void gilbertElliottLosesItsStationaryRate() {
        LossSpec.GilbertElliott spec = new LossSpec.GilbertElliott(0.05, 0.25, 0.01, 0.6);
        double expected = LossModel.stationaryLossRate(spec);
        assertEquals(0.05 / 0.30 * 0.6 + 0.25 / 0.30 * 0.01, expected, 1e-12);
        LossModel model = new LossModel(spec, 3);
        SplittableRandom random = new SplittableRandom(11);
        int lost = 0;
        for (int i = 0; i < SAMPLES; i++) {
            lost += model.lose(i % 3, random) ? 1 : 0;
        }
        // Bursts correlate the draws; a wider band than the binomial one.
        assertEquals(expected, (double) lost / SAMPLES, 0.01);
    }

    @Test
    void gilbertElliottBurstsLastOneOverBadToGoodMessages() {
        // Lose everything in the bad state and nothing in the good one: a loss burst is a bad sojourn.
        LossModel model = new LossModel(new LossSpec.GilbertElliott(0.02, 0.25, 0, 1), 1);
        SplittableRandom random = new SplittableRandom(5);
        long bursts = 0;
        long lostInBursts = 0;
        boolean previous = false;
        for (int i = 0; i < SAMPLES * 2; i++) {
            boolean lost = model.lose(0, random);
            if (lost) {
                lostInBursts++;
                if (!previous) {
                    bursts++;
                }
            }
            previous = lost;
        }
        assertEquals(4.0, (double) lostInBursts / bursts, 0.2);
    }

    @Test
    void gilbertElliottKeepsOneChainPerReceiver() {
        // Certain transitions: each node's chain alternates bad, good, bad, ... on its own arrivals.
        LossModel model = new LossModel(new LossSpec.GilbertElliott(1, 1, 0, 1), 2);
        SplittableRandom random = new SplittableRandom(5);
        assertEquals(true, model.lose(0, random));
        assertEquals(false, model.lose(0, random));
        assertEquals(true, model.lose(1, random), "node 1's chain has not moved yet");
        assertEquals(true, model.lose(0, random));
        assertEquals(false, model.lose(1, random));
        assertEquals(false, model.lose(0, random));
    }
}
