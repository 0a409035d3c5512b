package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.LengthAdjustmentType;
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

        List<Rectangle2D> boxes = labelBoxes(chart, image, area);
        assertEquals(markers, boxes.size(), "one label per marker");
        double lowestLabelBottom = boxes.stream().mapToDouble(Rectangle2D::getMaxY).max().getAsDouble();
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

    /**
     * A churn scenario's timeline with 20 actions within a fifth of the run: no label box may
     * overlap another, run off the plot, or cover the data. Rows taken by index modulo six put
     * the seventh label on the first one's row, over it.
     */
    @Test
    void twentyActionsCloseInTimeGetLabelsThatDoNotOverlap() throws Exception {
        Fixtures.withTimeline(dir);
        Fixtures.write(dir, "events.csv", crowdedEvents());
        TimelineView view = TimelineView.of(RunData.load(dir)).orElseThrow();
        assertEquals(20, view.markers().size(), "test setup: every action marked");
        assertTrue(RunFigures.markersText(view).contains("neighbouring actions share one"));
        for (JFreeChart chart : List.of(TimelineCharts.viewSizes("t", "s", view),
                TimelineCharts.liveNodes("t", "s", view), TimelineCharts.broadcastCoverage("t", "s", view))) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = chart.createBufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            List<Rectangle2D> boxes = labelBoxes(chart, image, area);
            assertFalse(boxes.isEmpty());
            for (int i = 0; i < boxes.size(); i++) {
                Rectangle2D box = boxes.get(i);
                assertTrue(box.getMinX() >= area.getMinX() && box.getMaxX() <= area.getMaxX(),
                        "label " + i + " " + box + " within the plot " + area);
                for (int j = 0; j < i; j++) {
                    assertFalse(box.intersects(boxes.get(j)), "label " + i + " " + box + " overlaps label "
                            + j + " " + boxes.get(j));
                }
            }
            XYPlot plot = (XYPlot) chart.getPlot();
            double lowestLabelBottom = boxes.stream().mapToDouble(Rectangle2D::getMaxY).max().getAsDouble();
            double highestDataPx = plot.getRangeAxis().valueToJava2D(highestValue(plot), area, RectangleEdge.LEFT);
            assertTrue(highestDataPx > lowestLabelBottom + 2, "data top at " + highestDataPx
                    + " px, labels down to " + lowestLabelBottom + " px");
        }
    }

    /** 20 actions, none more than 5 times, between 60 and 100 ms of a 200 ms run. */
    static String[] crowdedEvents() {
        List<String> rows = new ArrayList<>(List.of(Fixtures.EVENTS_HEADER));
        String[] actions = {"crash", "unsubscribe", "join", "crash", "unsubscribe", "partition", "crash",
            "join", "unsubscribe", "heal", "crash", "join", "unsubscribe", "crash", "partition", "join",
            "unsubscribe", "heal", "churn", "churn-end"};
        for (int i = 0; i < actions.length; i++) {
            rows.add("0,scamp,0," + (60 + 2 * i) + ".0," + actions[i] + ",nodes=" + (1000 * (i + 1)));
        }
        return rows.toArray(String[]::new);
    }

    /**
     * Where the chart's renderer draws each marker label: the same anchor point and text bounds
     * it computes (AbstractXYItemRenderer.drawDomainMarker), from the label properties the marker
     * has once drawn.
     */
    static List<Rectangle2D> labelBoxes(JFreeChart chart, BufferedImage image, Rectangle2D area) {
        XYPlot plot = (XYPlot) chart.getPlot();
        Graphics2D g2 = image.createGraphics();
        g2.setRenderingHints(chart.getRenderingHints());
        AnchorProbe probe = new AnchorProbe();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (Object o : plot.getDomainMarkers(Layer.FOREGROUND)) {
            ValueMarker marker = (ValueMarker) o;
            if (marker.getLabel() == null) {
                continue;
            }
            g2.setFont(marker.getLabelFont());
            double x = plot.getDomainAxis().valueToJava2D(marker.getValue(), area, plot.getDomainAxisEdge());
            Rectangle2D line = new Line2D.Double(x, area.getMinY(), x, area.getMaxY()).getBounds2D();
            Point2D anchor = probe.anchor(g2, area, line, marker);
            boxes.add(TextUtils.calcAlignedStringBounds(marker.getLabel(), g2, (float) anchor.getX(),
                    (float) anchor.getY(), marker.getLabelTextAnchor()));
        }
        g2.dispose();
        return boxes;
    }

    /** Opens the renderer's own computation of a domain marker label's anchor point. */
    private static final class AnchorProbe extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        Point2D anchor(Graphics2D g2, Rectangle2D area, Rectangle2D line, ValueMarker marker) {
            return calculateDomainMarkerTextAnchorPoint(g2, PlotOrientation.VERTICAL, area, line,
                    marker.getLabelOffset(), LengthAdjustmentType.EXPAND, marker.getLabelAnchor());
        }
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
    void theBandGrowsWithTheRowsOfLabels() {
        assertEquals(0, EventLabelBand.heightPx(0));
        assertEquals(30, EventLabelBand.heightPx(1));
        assertEquals(70, EventLabelBand.heightPx(3));
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
