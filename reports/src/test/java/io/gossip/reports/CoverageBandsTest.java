package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageBandsTest {
    @TempDir
    Path dir;

    @Test
    void oneBandPerMembershipScampFirst() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        List<CoverageBands.Band> bands = CoverageBands.byMembership(run.coverage());
        assertEquals(List.of("scamp", "global"), bands.stream().map(CoverageBands.Band::name).toList());
        assertEquals(3, bands.get(0).curves());
        assertEquals(1, bands.get(1).curves());
    }

    @Test
    void broadcastThatStoppedKeepsItsFinalCoverageOnTheCommonGrid() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        CoverageBands.Band scamp = CoverageBands.byMembership(run.coverage()).get(0);
        assertArrayEquals(new double[] {0, 10, 20}, scamp.tMs());
        // At 20 ms the curves are 1.0, 0.5 (held from 10 ms) and 1.0 (held): sorted 0.5, 1, 1.
        assertArrayEquals(new double[] {0.25, 0.75, 1.0}, scamp.median(), 1e-12);
        // 5 % of the way from the lowest to the middle value: 0.5 + 0.1 * 0.5 at 20 ms.
        assertArrayEquals(new double[] {0.25, 0.525, 0.55}, scamp.p5(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.975, 1.0}, scamp.p95(), 1e-12);
    }

    @Test
    void datasetCarriesMedianAndBandAsInterval() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        YIntervalSeriesCollection dataset =
                CoverageBands.dataset(CoverageBands.byMembership(run.coverage()));
        assertEquals(2, dataset.getSeriesCount());
        assertEquals("scamp", dataset.getSeriesKey(0));
        assertEquals(3, dataset.getItemCount(0));
        assertEquals(10.0, dataset.getXValue(0, 1));
        assertEquals(0.75, dataset.getYValue(0, 1), 1e-12);
        assertEquals(0.525, dataset.getStartYValue(0, 1), 1e-12);
        assertEquals(0.975, dataset.getEndYValue(0, 1), 1e-12);
        assertEquals("global", dataset.getSeriesKey(1));
        assertEquals(1.0, dataset.getYValue(1, 1));
    }
}
