package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jfree.data.xy.YIntervalSeriesCollection;

class CoverageSweepTest {
    @TempDir
    Path dir;

    @Test
    void meanAndFiveToNinetyFivePercentOfFinalCoveragePerPointAndMembership() throws Exception {
        RunData run = RunData.load(Fixtures.crashSweep(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        List<CoverageSweep.Curve> curves = CoverageSweep.byMembership(sweep, run.points(), run.broadcasts());
        YIntervalSeriesCollection dataset = CoverageSweep.dataset(curves);
        assertEquals(List.of("scamp", "global"), curves.stream().map(CoverageSweep.Curve::name).toList());
        assertEquals(0.5, dataset.getXValue(0, 1));
        // Broadcasts at 0.5 reached 1.0 and 0.8 of the live nodes.
        assertEquals(0.9, dataset.getYValue(0, 1), 1e-12);
        assertEquals(0.81, dataset.getStartYValue(0, 1), 1e-12);
        assertEquals(0.99, dataset.getEndYValue(0, 1), 1e-12);
        assertEquals(2, curves.get(0).entries().get(1).broadcasts());
        assertEquals(1.0, dataset.getYValue(1, 1), 1e-12);
    }

    @Test
    void noCurvesWithoutBroadcasts() throws Exception {
        RunData run = RunData.load(Fixtures.noBroadcasts(dir));
        assertEquals(List.of(), CoverageSweep.byMembership(Sweep.of(run.points()).orElseThrow(),
                run.points(), run.broadcasts()));
    }
}
