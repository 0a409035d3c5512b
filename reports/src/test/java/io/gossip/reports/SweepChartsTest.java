package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class SweepChartsTest {
    /** The labelled (major) y-axis ticks of {@code chart} as drawn at the report's size. */
    static List<String> yTickLabels(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(1000, 600, info);
        Graphics2D g2 = image.createGraphics();
        try {
            Rectangle2D area = info.getPlotInfo().getDataArea();
            NumberAxis axis = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.LEFT);
            return ticks.stream().map(t -> ((Tick) t).getText()).filter(text -> !text.isEmpty()).toList();
        } finally {
            g2.dispose();
        }
    }

    static void assertReadable(List<String> labels) {
        assertTrue(labels.size() >= 3, labels.toString());
        assertEquals(labels.size(), labels.stream().distinct().count(), "duplicated labels " + labels);
        assertFalse(labels.stream().anyMatch(l -> l.contains("E")), "scientific notation " + labels);
    }

    @Test
    void coverageAllOneGetsAReadableFixedRange() {
        List<CoverageSweep.Curve> curves = List.of(new CoverageSweep.Curve("scamp", List.of(
                new CoverageSweep.Entry(1_000, 1, 1, 1, 10),
                new CoverageSweep.Entry(10_000, 1, 1, 1, 10),
                new CoverageSweep.Entry(100_000, 1, 1, 1, 10))));
        JFreeChart chart = SweepCharts.coverage("t", "s", new Sweep("nodes", List.of()), "nodes", curves);
        NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0.99, y.getLowerBound(), 1e-12);
        assertTrue(y.getUpperBound() > 1 && y.getUpperBound() < 1.001, "upper " + y.getUpperBound());
        List<String> labels = yTickLabels(chart);
        assertReadable(labels);
        assertTrue(labels.contains("1.0"), labels.toString());
    }

    @Test
    void coverageWellBelowOneKeepsZoomingOnTheData() {
        List<CoverageSweep.Curve> curves = List.of(new CoverageSweep.Curve("scamp", List.of(
                new CoverageSweep.Entry(0.1, 0.99, 0.95, 1, 10),
                new CoverageSweep.Entry(0.6, 0.9, 0.8, 1, 10))));
        JFreeChart chart = SweepCharts.coverage("t", "s", new Sweep("crash", List.of()), "crash", curves);
        NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0.8 - 0.2 * 0.08, y.getLowerBound(), 1e-12);
        assertReadable(yTickLabels(chart));
    }
}
