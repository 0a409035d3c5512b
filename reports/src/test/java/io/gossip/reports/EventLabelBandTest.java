package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeline event labels sit in a band above the data, so no label box covers a data line. */
class EventLabelBandTest {
    @TempDir
    Path dir;

    @Test
    void everyTimelineChartDrawsItsDataBelowTheLowestLabel() throws Exception {
        RunData run = RunData.load(Fixtures.withTimeline(dir));
        TimelineView view = TimelineView.of(run).orElseThrow();
        int markers = view.markers().size();
        assertEquals(2, markers, "test setup: the crash and the join of repetition 0");
        for (JFreeChart chart : List.of(TimelineCharts.viewSizes("t", "s", view),
                TimelineCharts.liveNodes("t", "s", view), TimelineCharts.broadcastCoverage("t", "s", view))) {
            assertDataBelowTheLabels(chart, markers, ChartTheme.HEIGHT);
        }
    }

    /**
     * The band is sized on the plot area of each drawing, not on a guess of it: a subtitle that
     * wraps onto several lines, or a smaller image, leaves a shorter plot, in which a band sized
     * for the usual one was too short and the lowest labels covered the data's top.
     */
    @Test
    void aShorterPlotStillKeepsTheDataBelowTheLabels() throws Exception {
        TimelineView view = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        String longSubtitle = "a scenario with a long name · point 3 (network.latency=type: uniform "
                .repeat(6);
        assertDataBelowTheLabels(TimelineCharts.liveNodes("t", longSubtitle, view), 2, ChartTheme.HEIGHT);
        assertDataBelowTheLabels(TimelineCharts.liveNodes("t", "s", view), 2, 500);
    }

    private static void assertDataBelowTheLabels(JFreeChart chart, int markers, int imageHeight) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(ChartTheme.WIDTH, imageHeight, info);
        Graphics2D g2 = image.createGraphics();
        int labelHeight = g2.getFontMetrics(ChartTheme.MARKER_FONT).getHeight();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = (XYPlot) chart.getPlot();

        double lowestLabelBottom = area.getMinY() + ChartTheme.LABEL_FIRST_ROW_TOP_PX
                + ChartTheme.LABEL_ROW_STEP_PX * (markers - 1) + labelHeight;
        double highestDataPx = plot.getRangeAxis().valueToJava2D(highestValue(plot), area,
                RectangleEdge.LEFT);
        assertTrue(labelHeight <= EventLabelBand.LABEL_HEIGHT_PX, "label height " + labelHeight);
        assertTrue(highestDataPx > lowestLabelBottom + 2, "data top at " + highestDataPx
                + " px, labels down to " + lowestLabelBottom + " px, plot " + area.getHeight() + " px high");

        // No tick (and so no grid line) in the band: it is not a range of values.
        var axis = (TicksWithin) plot.getRangeAxis();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.LEFT);
        assertFalse(ticks.isEmpty());
        assertTrue(ticks.stream().allMatch(t -> ((ValueTick) t).getValue() <= axis.highest()));
        assertTrue(axis.highest() < axis.getUpperBound());
        assertEquals(1, plot.getRangeMarkers(Layer.BACKGROUND).size(), "the tinted band");
        g2.dispose();
    }

    @Test
    void aTimelineWithoutMarkersKeepsItsAxis() throws Exception {
        Fixtures.withTimeline(dir);
        Fixtures.write(dir, "events.csv", Fixtures.EVENTS_HEADER);
        TimelineView view = TimelineView.of(RunData.load(dir)).orElseThrow();
        XYPlot plot = (XYPlot) TimelineCharts.liveNodes("t", "s", view).getPlot();
        assertFalse(plot.getRangeAxis() instanceof TicksWithin);
        var band = plot.getRangeMarkers(Layer.BACKGROUND);
        assertTrue(band == null || band.isEmpty(), "no band");
    }

    @Test
    void theBandGrowsWithTheRowsOfLabelsUpToTheirLimit() {
        assertEquals(0, EventLabelBand.heightPx(0));
        assertEquals(30, EventLabelBand.heightPx(1));
        assertEquals(70, EventLabelBand.heightPx(3));
        assertEquals(EventLabelBand.heightPx(ChartTheme.LABEL_ROWS),
                EventLabelBand.heightPx(ChartTheme.LABEL_ROWS + 4), "labels cycle through the rows");
    }

    private static double highestValue(XYPlot plot) {
        double highest = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset dataset = plot.getDataset(d);
            if (dataset != null) {
                highest = Math.max(highest, DatasetUtils.findMaximumRangeValue(dataset).doubleValue());
            }
        }
        assertTrue(Double.isFinite(highest), "the chart has data");
        return highest;
    }
}
