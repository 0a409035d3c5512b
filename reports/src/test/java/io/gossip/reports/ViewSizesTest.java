package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewSizesTest {
    @TempDir
    Path dir;

    @Test
    void countsLiveScampNodesOnlyAndUsesLiveNodesPerRepetitionForTheExpectedSize() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        ViewSizes v = ViewSizes.of(run.summary(), run.nodes()).orElseThrow();
        // rep 0: PV 2,3,3,2; rep 1 (n3 dead): PV 2,2,3. The dead node's 9 is not counted.
        assertEquals(new TreeMap<>(Map.of(2, 4, 3, 3)), v.partialView().counts());
        assertEquals(new TreeMap<>(Map.of(2, 4, 3, 3)), v.inView().counts());
        assertEquals(2, v.repetitions());
        assertEquals(3.5, v.liveNodes(), 1e-12);
        assertEquals(2 * Math.log(3.5), v.expected(), 1e-12);
    }

    @Test
    void aSweepShowsThePointWithTheMostLiveNodesWithThatPointsC() throws Exception {
        Fixtures.write(dir, "summary.json", """
                {"scenario": "s", "nodes": 2, "c": 0,
                 "points": [{"point": 0, "c": 0}, {"point": 1, "c": 2}]}""");
        List<NodeRow> nodes = List.of(
                new NodeRow(0, "scamp", 0, "a", true, 9, 9, 1),
                new NodeRow(1, "scamp", 0, "a", true, 4, 5, 1),
                new NodeRow(1, "scamp", 0, "b", true, 6, 5, 1));
        ViewSizes v = ViewSizes.of(Summary.read(dir), nodes).orElseThrow();
        assertEquals(1, v.point());
        assertEquals(2.0, v.c());
        assertEquals(5.0, v.partialView().mean(), 1e-12);
        assertEquals(3 * Math.log(2), v.expected(), 1e-12);
    }

    @Test
    void aCrashSweepShowsTheUncrashedPointAndATieGoesToTheLastPoint() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.summary("s", 2, 1));
        List<NodeRow> nodes = List.of(
                new NodeRow(0, "scamp", 0, "a", true, 3, 3, 1),
                new NodeRow(0, "scamp", 0, "b", true, 3, 3, 1),
                new NodeRow(1, "scamp", 0, "a", true, 4, 4, 1),
                new NodeRow(1, "scamp", 0, "b", false, 4, 4, 1),
                new NodeRow(1, "global", 0, "c", true, 1, 1, 1),
                new NodeRow(1, "global", 0, "d", true, 1, 1, 1),
                new NodeRow(1, "global", 0, "e", true, 1, 1, 1));
        assertEquals(0, ViewSizes.of(Summary.read(dir), nodes).orElseThrow().point());
        List<NodeRow> tie = List.of(
                new NodeRow(0, "scamp", 0, "a", true, 3, 3, 1),
                new NodeRow(1, "scamp", 0, "a", true, 4, 4, 1),
                new NodeRow(1, "scamp", 1, "a", true, 4, 4, 1));
        ViewSizes v = ViewSizes.of(Summary.read(dir), tie).orElseThrow();
        assertEquals(1, v.point());
        assertEquals(2, v.repetitions());
    }

    @Test
    void noHistogramWithoutScampNodes() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.summary("s", 2, 1));
        List<NodeRow> nodes = List.of(new NodeRow(0, "global", 0, "a", true, 1, 1, 1));
        assertTrue(ViewSizes.of(Summary.read(dir), nodes).isEmpty());
    }

    @Test
    void barsAreOneUnitWideAndAsHighAsTheMeanLiveNodesPerRepetition() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        ViewSizes v = ViewSizes.of(run.summary(), run.nodes()).orElseThrow();
        // PartialView sizes 2, 3, 3, 2 in repetition 0 and 2, 2, 3 in repetition 1: size 2 four
        // times and size 3 three times over 2 repetitions.
        XYIntervalSeriesCollection bars = v.meanPerRepetition(v.partialView());
        assertEquals(2, bars.getItemCount(0));
        assertEquals(3.0, bars.getXValue(0, 1));
        assertEquals(2.5, bars.getStartXValue(0, 1));
        assertEquals(3.5, bars.getEndXValue(0, 1));
        assertEquals(2.0, bars.getYValue(0, 0), 1e-12);
        assertEquals(1.5, bars.getYValue(0, 1), 1e-12);
        // The bars add up to the live nodes of one repetition, not of all of them.
        assertEquals(v.liveNodes(), bars.getYValue(0, 0) + bars.getYValue(0, 1), 1e-12);
    }

    @Test
    void fractionsAreSharesOfEachHistogramsNodes() {
        IntHistogram h = IntHistogram.of("PartialView", new int[] {2, 3, 3, 3});
        XYIntervalSeriesCollection fractions = ViewSizes.fractions(List.of(h));
        assertEquals(0.25, fractions.getYValue(0, 0), 1e-12);
        assertEquals(0.75, fractions.getYValue(0, 1), 1e-12);
    }

    @Test
    void histogramOfSeveralRepetitionsSaysItShowsTheirMeanOnTheAxisAndInTheCaption()
            throws Exception {
        List<Figure> figures = ViewSizeFigures.histograms(RunData.load(Fixtures.singlePoint(dir)));
        assertEquals(List.of("partialview-histogram.png", "inview-histogram.png"),
                figures.stream().map(Figure::fileName).toList());
        for (Figure f : figures) {
            XYPlot plot = (XYPlot) f.chart().getPlot();
            assertEquals("live nodes (mean of 2 repetitions)", plot.getRangeAxis().getLabel());
            assertTrue(f.caption().contains("mean of 2 repetitions, n = 3.5 live nodes"), f.caption());
            assertTrue(f.caption().contains("each bar is the mean over the 2 repetitions (each its own "
                    + "membership graph) of the live nodes with that size, so the bars add up to the "
                    + "live nodes of one repetition"), f.caption());
            assertFalse(f.caption().contains("pooled"), f.caption());
        }
    }
}
