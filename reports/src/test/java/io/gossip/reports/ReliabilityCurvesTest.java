package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

class ReliabilityCurvesTest {
    @TempDir
    Path dir;

    @Test
    void sweepParameterIsFoundOnlyWithSeveralPoints() throws Exception {
        assertEquals(Optional.of("c"), Sweep.parameter(RunData.load(Fixtures.sweepOverC(dir)).points()));
        assertEquals(Optional.empty(),
                Sweep.parameter(RunData.load(Fixtures.singlePoint(dir.resolve("one"))).points()));
    }

    @Test
    void theSubtitleNamesErrorBarsOnlyWhereSomePointHasOne() {
        ReliabilityCurves.Curve single = new ReliabilityCurves.Curve("scamp",
                List.of(new ReliabilityCurves.Measured(1, 0.5, Double.NaN), new ReliabilityCurves.Measured(2, 0.7,
                        Double.NaN)));
        ReliabilityCurves.Curve repeated = new ReliabilityCurves.Curve("global",
                List.of(new ReliabilityCurves.Measured(1, 0.5, 0.05)));
        assertEquals("one repetition per point: no error bars", ReliabilityCurves.errorBarsSubtitle(List.of(single)));
        assertEquals("error bars: ± 1 standard error over repetitions",
                ReliabilityCurves.errorBarsSubtitle(List.of(single, repeated)));
    }

    @Test
    void oneSeriesPerMembershipWithStandardErrorBarsClampedToZeroOne() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverC(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        YIntervalSeriesCollection dataset =
                ReliabilityCurves.dataset(ReliabilityCurves.byMembership(sweep, run.points()));
        assertEquals(2, dataset.getSeriesCount());
        assertEquals("scamp", dataset.getSeriesKey(0));
        assertEquals("global", dataset.getSeriesKey(1));
        assertEquals(3, dataset.getItemCount(0));
        assertEquals(1.0, dataset.getXValue(0, 1));
        assertEquals(0.7, dataset.getYValue(0, 1), 1e-12);
        // 5 repetitions, population stddev 0.15: standard error 0.15 / √4.
        assertEquals(0.7 - 0.075, dataset.getStartYValue(0, 1), 1e-12);
        assertEquals(0.7 + 0.075, dataset.getEndYValue(0, 1), 1e-12);
        // c = 2: 0.95 + 0.05 reaches 1 exactly; nothing above.
        assertEquals(1.0, dataset.getEndYValue(0, 2), 1e-12);
        // global c = 2 has no stddev: no error bar.
        assertEquals(0.9, dataset.getStartYValue(1, 2), 1e-12);
        assertEquals(0.9, dataset.getEndYValue(1, 2), 1e-12);
    }

    @Test
    void errorBarsAreStandardErrorsClampedToZeroOne() throws Exception {
        Fixtures.crashSweep(dir);
        Fixtures.write(dir, "points.csv", Fixtures.POINTS_HEADER,
                "0,network.loss,0,scamp,4,100,1,1.0,1.0,0.9,0.3,10.0,9.21,10.0,20,0.9,50.0,60.0",
                "1,network.loss,0.2,scamp,4,100,1,1.0,1.0,0.1,0.3,10.0,9.21,10.0,20,0.9,50.0,60.0",
                "2,network.loss,0.4,scamp,1,100,1,1.0,1.0,0.5,0.0,10.0,9.21,10.0,20,0.9,50.0,60.0");
        RunData run = RunData.load(dir);
        YIntervalSeriesCollection dataset = ReliabilityCurves.dataset(
                ReliabilityCurves.byMembership(Sweep.of(run.points()).orElseThrow(), run.points()));
        double se = 0.3 / Math.sqrt(3);
        assertEquals(0.9 - se, dataset.getStartYValue(0, 0), 1e-12);
        assertEquals(1.0, dataset.getEndYValue(0, 0), 1e-12);
        assertEquals(0.0, dataset.getStartYValue(0, 1), 1e-12);
        assertEquals(0.1 + se, dataset.getEndYValue(0, 1), 1e-12);
        // One repetition: no error bar at all.
        assertEquals(0.5, dataset.getStartYValue(0, 2), 1e-12);
        assertEquals(0.5, dataset.getEndYValue(0, 2), 1e-12);
    }

    @Test
    void theoryIsPerMembershipAtTheMeasuredLiveFanout() throws Exception {
        RunData run = RunData.load(Fixtures.crashSweep(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        XYSeriesCollection theory = ReliabilityCurves.theoryDataset(sweep, run.points(), run.broadcasts());
        assertEquals(2, theory.getSeriesCount());
        assertEquals(ReliabilityCurves.theoryLabel("scamp"), theory.getSeriesKey(0));
        assertEquals(ReliabilityCurves.theoryLabel("global"), theory.getSeriesKey(1));
        assertEquals(2, theory.getItemCount(0));
        // SCAMP at 0: fanout 10 over 100 nodes; at 0.5: fanout 5 over 50 nodes.
        assertEquals(0.0, theory.getXValue(0, 0));
        assertEquals(Math.exp(-100 * Math.exp(-10)), theory.getYValue(0, 0), 1e-12);
        assertEquals(0.5, theory.getXValue(0, 1));
        assertEquals(Math.exp(-50 * Math.exp(-5)), theory.getYValue(0, 1), 1e-12);
        // Global at 0.5: (49 + 450) / 50 = 9.98 over 50 nodes.
        assertEquals(Math.exp(-50 * Math.exp(-9.98)), theory.getYValue(1, 1), 1e-12);
    }

    @Test
    void noTheoryWithoutBroadcasts() throws Exception {
        RunData run = RunData.load(Fixtures.noBroadcasts(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        assertEquals(0, ReliabilityCurves.theoryDataset(sweep, run.points(), run.broadcasts())
                .getSeriesCount());
        assertEquals(List.of(), ReliabilityCurves.byMembership(sweep, run.points()),
                "no reliability, no curve");
    }

    @Test
    void categoricalSweepPlacesWordsAtZeroOneAndShiftsMembershipsApart() throws Exception {
        RunData run = RunData.load(Fixtures.categoricalSweep(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        assertEquals(Sweep.categorical("timeline.0.contacts", List.of("uniform", "single")), sweep);
        assertTrue(!sweep.numeric());
        YIntervalSeriesCollection dataset =
                ReliabilityCurves.dataset(ReliabilityCurves.byMembership(sweep, run.points()));
        double shift = ReliabilityCurves.CATEGORY_SHIFT / 2;
        assertEquals(-shift, dataset.getXValue(0, 0), 1e-12);
        assertEquals(1 - shift, dataset.getXValue(0, 1), 1e-12);
        assertEquals(0.5, dataset.getYValue(0, 1), 1e-12);
        assertEquals(shift, dataset.getXValue(1, 0), 1e-12);
        assertEquals(1 + shift, dataset.getXValue(1, 1), 1e-12);
        assertEquals(0.75, dataset.getYValue(1, 1), 1e-12);
        XYSeriesCollection theory = ReliabilityCurves.theoryDataset(sweep, run.points(), run.broadcasts());
        assertEquals(1 - shift, theory.getXValue(0, 1), 1e-12);
        assertEquals(Math.exp(-50 * Math.exp(-5)), theory.getYValue(0, 1), 1e-12);
    }

    @Test
    void predictionFromInViewsIsScampsOnlyAtThePointsThatHaveOne() throws Exception {
        RunData run = RunData.load(Fixtures.lossSweep(dir));
        Sweep sweep = Sweep.of(run.points()).orElseThrow();
        XYSeriesCollection prediction = ReliabilityCurves.predictionDataset(sweep, run.points(),
                run.broadcasts(), run.nodes());
        assertEquals(1, prediction.getSeriesCount());
        assertEquals(ReliabilityCurves.predictionLabel("scamp"), prediction.getSeriesKey(0));
        assertEquals(2, prediction.getItemCount(0), "none at 0.9, whose broadcast sent nothing");
        assertEquals(0.0, prediction.getXValue(0, 0));
        assertEquals(0.5, prediction.getYValue(0, 0), 1e-12);
        assertEquals(0.5, prediction.getXValue(0, 1));
        assertEquals((0.5 * 0.75 * 0.875 + 0.75 * 0.75 * 0.5 * 0.9375) / 2,
                prediction.getYValue(0, 1), 1e-12);
        RunData quiet = RunData.load(Fixtures.noBroadcasts(dir.resolve("quiet")));
        assertEquals(0, ReliabilityCurves.predictionDataset(Sweep.of(quiet.points()).orElseThrow(),
                quiet.points(), quiet.broadcasts(), quiet.nodes()).getSeriesCount());
    }
}
