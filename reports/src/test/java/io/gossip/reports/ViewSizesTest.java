package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    void datasetHasOneUnitWideBarPerSizeAsCountOrFraction() {
        IntHistogram h = IntHistogram.of("PartialView", new int[] {2, 3, 3, 3});
        XYIntervalSeriesCollection counts = ViewSizes.dataset(List.of(h), false);
        assertEquals(2, counts.getItemCount(0));
        assertEquals(3.0, counts.getXValue(0, 1));
        assertEquals(2.5, counts.getStartXValue(0, 1));
        assertEquals(3.5, counts.getEndXValue(0, 1));
        assertEquals(3.0, counts.getYValue(0, 1));
        XYIntervalSeriesCollection fractions = ViewSizes.dataset(List.of(h), true);
        assertEquals(0.75, fractions.getYValue(0, 1), 1e-12);
    }
}
