package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
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
    void datasetIsAStaircaseStartingAtZeroAtTheFirstDelay() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        XYSeriesCollection dataset = LatencyCdf.dataset(LatencyCdf.byMembership(run.broadcasts()));
        assertEquals(4, dataset.getSeriesCount());
        assertEquals("scamp t100", dataset.getSeriesKey(1));
        // t100 of 10 and 20 ms among 3 broadcasts: up to 1/3 at 10 ms, along, up to 2/3 at 20 ms.
        double[][] expected = {{10, 0}, {10, 1 / 3.0}, {20, 1 / 3.0}, {20, 2 / 3.0}};
        assertEquals(expected.length, dataset.getItemCount(1));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], dataset.getXValue(1, i), 1e-12, "x of " + i);
            assertEquals(expected[i][1], dataset.getYValue(1, i), 1e-12, "y of " + i);
        }
    }

    @Test
    void aDenseT99CurveStaysDashed() {
        // 1,000 broadcasts reaching 99 % at 1, 2, ... 1,000 ms: steps far shorter than a dash.
        List<BroadcastRow> rows = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            rows.add(new BroadcastRow(0, "scamp", 0, i, 0, 100, 100, 1, true, i / 2.0, i, i + 50, 10, 5));
        }
        JFreeChart chart = DistributionCharts.latencyCdf("t", "s",
                List.of(LatencyCdf.of("scamp t99", rows, BroadcastRow::t99Ms)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = (XYPlot) chart.getPlot();

        // Walk along the curve (the diagonal from (1 ms, 0) to (1,000 ms, 1)) and count where it
        // is inked: a dashed line (10 px on, 7 off) about 60 % of the way, a solid one (as drawn
        // step by step, each step restarting the dashes) over 90 %.
        int samples = 0;
        int inked = 0;
        for (double t = 0.05; t <= 0.95; t += 0.0025) {
            double x = plot.getDomainAxis().valueToJava2D(1 + 999 * t, area, RectangleEdge.BOTTOM);
            double y = plot.getRangeAxis().valueToJava2D(t, area, RectangleEdge.LEFT);
            samples++;
            if (bluish(image, (int) Math.round(x), (int) Math.round(y), 0)) {
                inked++;
            }
        }
        double share = inked / (double) samples;
        assertTrue(share > 0.4 && share < 0.8, "share of the curve inked: " + share);
    }

    /** Whether a pixel within {@code radius} of (x, y) has the first series' blue. */
    private static boolean bluish(BufferedImage image, int x, int y, int radius) {
        for (int dx = -radius; dx <= radius; dx++) {
            for (int dy = -radius; dy <= radius; dy++) {
                int rgb = image.getRGB(x + dx, y + dy);
                int r = (rgb >> 16) & 0xFF;
                int b = rgb & 0xFF;
                if (b - r > 80) {
                    return true;
                }
            }
        }
        return false;
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
