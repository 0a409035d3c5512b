package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InViewPredictionTest {
    @TempDir
    Path dir;

    @Test
    void copyFailureIsTheShareOfScampCopiesThatReachedNoLiveNode() throws Exception {
        RunData run = RunData.load(Fixtures.lossSweep(dir));
        // At 0.5: (4 − 1 + 2) + (3 − 1 + 1) = 8 of 10 + 6 copies reached a live node; the
        // baseline's 11 of 12 are not counted. The point whose broadcast sent nothing has no q.
        assertEquals(Map.of(0, 0.0, 1, 0.5), InViewPrediction.copyFailures(run.broadcasts()));
    }

    @Test
    void expectedMissesSumQToTheInViewOverTheLiveScampNodesOfEachRepetition() throws Exception {
        RunData run = RunData.load(Fixtures.lossSweep(dir));
        List<InViewPrediction> predictions = InViewPrediction.of(run.broadcasts(), run.nodes());
        assertEquals(2, predictions.size(), predictions.toString());
        InViewPrediction half = predictions.get(1);
        assertEquals(1, half.point());
        assertEquals(0.5, half.copyFailure(), 1e-12);
        assertEquals(2, half.repetitions());
        // Misses rep 0: 0.5, 0.25, 0.125 (the crashed node left out); rep 1: 0.25, 0.25, 0.5, 0.0625.
        assertEquals((0.875 + 1.0625) / 2, half.expectedMisses(), 1e-12);
        // None missed: the product of 1 − each, not the Poisson exp(−m) (0.417 and 0.346).
        assertEquals((0.5 * 0.75 * 0.875 + 0.75 * 0.75 * 0.5 * 0.9375) / 2, half.reliability(), 1e-12);
    }

    @Test
    void aNodeWithAnEmptyInViewIsACertainMissEvenWithoutLoss() throws Exception {
        assertEquals(1, InViewPrediction.missProbability(0, 0));
        assertEquals(1, InViewPrediction.missProbability(0.3, 0));
        assertEquals(0, InViewPrediction.missProbability(0, 2));
        assertEquals(0.09, InViewPrediction.missProbability(0.3, 2), 1e-12);
        RunData run = RunData.load(Fixtures.lossSweep(dir));
        InViewPrediction lossless = InViewPrediction.of(run.broadcasts(), run.nodes()).get(0);
        assertEquals(0, lossless.point());
        assertEquals(0, lossless.copyFailure());
        // rep 0: every InView at least 1, nothing missed; rep 1: one node with none, a certain
        // miss (m = 1, and no broadcast reaches everyone: 0, not the Poisson e^(−1)).
        assertEquals(0.5, lossless.expectedMisses(), 1e-12);
        assertEquals(0.5, lossless.reliability(), 1e-12);
    }

    @Test
    void aPointWhoseBroadcastsSentNoCopyOrWithoutBroadcastsHasNoPrediction() throws Exception {
        assertTrue(Double.isNaN(InViewPrediction.copyFailure(0, 0)));
        RunData run = RunData.load(Fixtures.lossSweep(dir));
        assertTrue(InViewPrediction.of(run.broadcasts(), run.nodes()).stream().noneMatch(p -> p.point() == 2));
        RunData quiet = RunData.load(Fixtures.noBroadcasts(dir.resolve("quiet")));
        assertEquals(List.of(), InViewPrediction.of(quiet.broadcasts(), quiet.nodes()));
    }
}
