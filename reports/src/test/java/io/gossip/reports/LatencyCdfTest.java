package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCdfTest {
    @TempDir
    Path dir;

    @Test
    void neverReachedBroadcastsCountInTheDenominator() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        List<LatencyCdf.Cdf> cdfs = LatencyCdf.byMembership(run.broadcasts());
        assertEquals(List.of("scamp t99", "scamp t100", "global t99", "global t100"),
                cdfs.stream().map(LatencyCdf.Cdf::name).toList());
        LatencyCdf.Cdf scampT100 = cdfs.get(1);
        assertEquals(3, scampT100.broadcasts());
        assertArrayEquals(new double[] {10, 20}, scampT100.ms());
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, scampT100.fraction(), 1e-12);
    }

    @Test
    void datasetStartsEachCurveAtZeroAtItsFirstDelay() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        XYSeriesCollection dataset = LatencyCdf.dataset(LatencyCdf.byMembership(run.broadcasts()));
        assertEquals(4, dataset.getSeriesCount());
        assertEquals("scamp t100", dataset.getSeriesKey(1));
        assertEquals(3, dataset.getItemCount(1));
        assertEquals(10.0, dataset.getXValue(1, 0));
        assertEquals(0.0, dataset.getYValue(1, 0));
        assertEquals(20.0, dataset.getXValue(1, 2));
        assertEquals(2 / 3.0, dataset.getYValue(1, 2), 1e-12);
    }

    @Test
    void curveWithNothingReachedKeepsItsPlaceButHasNoPoints() {
        BroadcastRow never = new BroadcastRow(0, "scamp", 0, 0, 0, 4, 1, 0.25, false,
                Double.NaN, Double.NaN, Double.NaN, 3, 0);
        List<LatencyCdf.Cdf> cdfs = LatencyCdf.byMembership(List.of(never));
        XYSeriesCollection dataset = LatencyCdf.dataset(cdfs);
        assertEquals(2, dataset.getSeriesCount());
        assertEquals(0, dataset.getItemCount(0));
    }
}
