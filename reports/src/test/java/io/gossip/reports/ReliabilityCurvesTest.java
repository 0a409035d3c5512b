package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityCurvesTest {
    @TempDir
    Path dir;

    @Test
    void sweepParameterIsFoundOnlyWithSeveralNumericPoints() throws Exception {
        assertEquals(Optional.of("c"), Sweep.parameter(RunData.load(Fixtures.sweepOverC(dir)).points()));
        assertEquals(Optional.empty(),
                Sweep.parameter(RunData.load(Fixtures.singlePoint(dir.resolve("one"))).points()));
    }

    @Test
    void oneSeriesPerMembershipWithOneStddevErrorBarsClampedToZeroOne() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverC(dir));
        YIntervalSeriesCollection dataset =
                ReliabilityCurves.dataset(ReliabilityCurves.byMembership(run.points()));
        assertEquals(2, dataset.getSeriesCount());
        assertEquals("scamp", dataset.getSeriesKey(0));
        assertEquals("global", dataset.getSeriesKey(1));
        assertEquals(3, dataset.getItemCount(0));
        assertEquals(1.0, dataset.getXValue(0, 1));
        assertEquals(0.7, dataset.getYValue(0, 1), 1e-12);
        assertEquals(0.55, dataset.getStartYValue(0, 1), 1e-12);
        assertEquals(0.85, dataset.getEndYValue(0, 1), 1e-12);
        // c = 2: 0.95 + 0.1 would pass 1.
        assertEquals(1.0, dataset.getEndYValue(0, 2), 1e-12);
        // global c = 2 has no stddev: no error bar.
        assertEquals(0.9, dataset.getStartYValue(1, 2), 1e-12);
        assertEquals(0.9, dataset.getEndYValue(1, 2), 1e-12);
    }

    @Test
    void theoryIsExpMinusExpMinusCOverTheSweptRange() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverC(dir));
        XYSeriesCollection theory = ReliabilityCurves.theoryDataset("c",
                ReliabilityCurves.byMembership(run.points()));
        assertEquals(1, theory.getSeriesCount());
        assertEquals(ReliabilityCurves.THEORY_LABEL, theory.getSeriesKey(0));
        int last = theory.getItemCount(0) - 1;
        assertEquals(0.0, theory.getXValue(0, 0));
        assertEquals(Math.exp(-1), theory.getYValue(0, 0), 1e-12);
        assertEquals(2.0, theory.getXValue(0, last), 1e-12);
        assertEquals(Math.exp(-Math.exp(-2)), theory.getYValue(0, last), 1e-12);
    }

    @Test
    void noTheoryForParametersItDoesNotDependOn() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverNodes(dir));
        assertEquals(0, ReliabilityCurves.theoryDataset("nodes",
                ReliabilityCurves.byMembership(run.points())).getSeriesCount());
        assertTrue(ReliabilityCurves.theory("loss", 0, 1).isEmpty());
        assertEquals(List.of("scamp"), ReliabilityCurves.byMembership(run.points()).stream()
                .map(ReliabilityCurves.Curve::name).toList());
    }
}
