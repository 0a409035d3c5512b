package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PvScalingTest {
    @TempDir
    Path dir;

    @Test
    void measuredMeansAgainstNAndTheoryLineAcrossTheSweptRange() throws Exception {
        PvScaling scaling = PvScaling.of(RunData.load(Fixtures.sweepOverNodes(dir)).points()).orElseThrow();
        assertEquals(1.0, scaling.c());
        XYSeriesCollection measured = scaling.measuredDataset();
        assertEquals(PvScaling.MEASURED_LABEL, measured.getSeriesKey(0));
        assertEquals(3, measured.getItemCount(0));
        assertEquals(1000.0, measured.getXValue(0, 1));
        assertEquals(14.0, measured.getYValue(0, 1));

        XYSeriesCollection theory = scaling.theoryDataset();
        int last = theory.getItemCount(0) - 1;
        assertEquals(100.0, theory.getXValue(0, 0), 1e-9);
        assertEquals(2 * Math.log(100), theory.getYValue(0, 0), 1e-9);
        assertEquals(10000.0, theory.getXValue(0, last), 1e-6);
        assertEquals(2 * Math.log(10000), theory.getYValue(0, last), 1e-9);
    }

    @Test
    void onlyForASweepOverNodes() throws Exception {
        assertTrue(PvScaling.of(RunData.load(Fixtures.sweepOverC(dir)).points()).isEmpty());
        assertTrue(PvScaling.of(RunData.load(Fixtures.singlePoint(dir.resolve("one"))).points()).isEmpty());
    }
}
