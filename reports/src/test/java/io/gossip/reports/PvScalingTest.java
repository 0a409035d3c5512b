package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PvScalingTest {
    @TempDir
    Path dir;

    @Test
    void measuredMeansAgainstNAndTheoryLineAcrossTheSweptRange() throws Exception {
        PvScaling scaling = PvScaling.of(RunData.load(Fixtures.sweepOverNodes(dir)).points()).orElseThrow();
        assertEquals(1.0, scaling.c());
        YIntervalSeriesCollection measured = scaling.measuredDataset();
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

    /** {@link Fixtures#sweepOverNodes} as the simulator writes it now, with {@code pv_mean_stddev} last. */
    private Path withSpread(String... stddevs) {
        Fixtures.sweepOverNodes(dir);
        String[] values = {"100", "1000", "10000"};
        String[] means = {"9.0", "14.0", "18.5"};
        String[] lines = new String[values.length + 1];
        lines[0] = Fixtures.POINTS_HEADER + ",pv_mean_stddev";
        for (int i = 0; i < values.length; i++) {
            lines[i + 1] = i + ",nodes," + values[i] + ",scamp,3," + values[i] + ",1,0.99,0.9,0.9,0.1," + means[i]
                    + ",13.82," + means[i] + ",25,0.5,60.0,70.0," + stddevs[i];
        }
        Fixtures.write(dir, "points.csv", lines);
        return dir;
    }

    @Test
    void withSeveralRepetitionsEachMeanHasAnErrorBarOfOneStandardError() throws Exception {
        RunData run = RunData.load(withSpread("0.4", "1.2", "0.0"));
        PvScaling scaling = PvScaling.of(run.points()).orElseThrow();
        YIntervalSeriesCollection measured = scaling.measuredDataset();
        // Three repetitions: the population standard deviation over √2.
        assertEquals(14.0 - 1.2 / Math.sqrt(2), measured.getStartYValue(0, 1), 1e-12);
        assertEquals(14.0 + 1.2 / Math.sqrt(2), measured.getEndYValue(0, 1), 1e-12);
        assertEquals(9.0 + 0.4 / Math.sqrt(2), measured.getEndYValue(0, 0), 1e-12);
        assertEquals(18.5, measured.getEndYValue(0, 2), 1e-12, "no spread, no bar");
        Figure figure = SweepFigures.pvScaling(run).orElseThrow();
        assertTrue(figure.caption().contains("Error bars are ± one standard error of the mean across the 3 "
                + "repetitions"), figure.caption());
        XYPlot plot = (XYPlot) figure.chart().getPlot();
        assertTrue(plot.getRenderer(0) instanceof XYErrorRenderer, "the measured means are drawn with error bars");
    }

    @Test
    void withOneRepetitionTheCaptionSaysThereAreNoErrorBars() throws Exception {
        withSpread("0.0", "0.0", "0.0");
        Fixtures.write(dir, "points.csv", Files.readAllLines(dir.resolve("points.csv")).stream()
                .map(l -> l.replace(",scamp,3,", ",scamp,1,")).toArray(String[]::new));
        Figure figure = SweepFigures.pvScaling(RunData.load(dir)).orElseThrow();
        assertTrue(figure.caption().contains("One repetition, so one membership graph per point: no error bars."),
                figure.caption());
        YIntervalSeriesCollection measured = PvScaling.of(RunData.load(dir).points()).orElseThrow().measuredDataset();
        assertEquals(14.0, measured.getStartYValue(0, 1), 1e-12);
        assertEquals(14.0, measured.getEndYValue(0, 1), 1e-12);
    }

    @Test
    void aPointsFileWrittenBeforeTheSpreadColumnStillReadsAndTheCaptionSaysWhyThereAreNoBars() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverNodes(dir));
        assertTrue(Double.isNaN(run.points().get(0).pvMeanStddev()));
        Figure figure = SweepFigures.pvScaling(run).orElseThrow();
        assertTrue(figure.caption().contains("No error bars: points.csv has no pv_mean_stddev column"),
                figure.caption());
    }

    @Test
    void onlyForASweepOverNodes() throws Exception {
        assertTrue(PvScaling.of(RunData.load(Fixtures.sweepOverC(dir)).points()).isEmpty());
        assertTrue(PvScaling.of(RunData.load(Fixtures.singlePoint(dir.resolve("one"))).points()).isEmpty());
    }
}
