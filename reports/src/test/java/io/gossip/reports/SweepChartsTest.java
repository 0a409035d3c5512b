package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
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
        JFreeChart chart = SweepCharts.coverage("t", "s",
                Sweep.numeric("nodes", List.of(1_000.0, 10_000.0, 100_000.0)), "nodes", curves);
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
        JFreeChart chart = SweepCharts.coverage("t", "s", Sweep.numeric("crash", List.of(0.1, 0.6)),
                "crash", curves);
        NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0.8 - 0.2 * 0.08, y.getLowerBound(), 1e-12);
        assertReadable(yTickLabels(chart));
    }

    /**
     * Markers at exactly 0 or 1 are drawn whole: a fraction axis runs a little past both, yet
     * labels nothing outside 0 to 1.
     */
    @Test
    void fractionAxesLeaveRoomAroundZeroAndOneWithoutTicksBeyond() {
        List<ReliabilityCurves.Curve> reliability = List.of(new ReliabilityCurves.Curve("scamp", List.of(
                new ReliabilityCurves.Measured(0, 1, 0), new ReliabilityCurves.Measured(0.5, 0, 0))));
        List<CoverageSweep.Curve> coverage = List.of(new CoverageSweep.Curve("scamp", List.of(
                new CoverageSweep.Entry(0, 1, 1, 1, 10), new CoverageSweep.Entry(0.5, 0.2, 0, 1, 10))));
        Sweep sweep = Sweep.numeric("crash", List.of(0.0, 0.5));
        for (JFreeChart chart : List.of(
                SweepCharts.reliability("t", "s", sweep, "crash", reliability, new XYSeriesCollection(),
                        new XYSeriesCollection()),
                SweepCharts.coverage("t", "s", sweep, "crash", coverage),
                DistributionCharts.latencyCdf("t", "s", List.of()))) {
            NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
            assertTrue(y.getLowerBound() <= -Plots.FRACTION_MARGIN + 1e-12, "lower " + y.getLowerBound());
            assertTrue(y.getUpperBound() >= 1 + Plots.FRACTION_MARGIN - 1e-12, "upper " + y.getUpperBound());
            for (int height : new int[] {400, 600, 800, 1600}) {
                List<Double> ticks = yTickValues(chart, height);
                assertEquals(0, ticks.get(0), 1e-9, "lowest tick at " + height + " px: " + ticks);
                assertEquals(1, ticks.get(ticks.size() - 1), 1e-9, "highest tick at " + height + " px: " + ticks);
            }
            assertFalse(yTickLabels(chart).stream().anyMatch(l -> l.startsWith("-")), yTickLabels(chart).toString());
        }
    }

    private static List<Double> yTickValues(JFreeChart chart, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(1000, height, info);
        Graphics2D g2 = image.createGraphics();
        try {
            NumberAxis axis = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
            return axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(), RectangleEdge.LEFT)
                    .stream().map(t -> ((ValueTick) t).getValue()).toList();
        } finally {
            g2.dispose();
        }
    }

    /** Reliability 1 measured and predicted at both values, for SCAMP and the baseline. */
    private static JFreeChart allReachedWithTheory() {
        List<ReliabilityCurves.Curve> curves = List.of(
                new ReliabilityCurves.Curve("scamp", List.of(new ReliabilityCurves.Measured(0, 1, 0),
                        new ReliabilityCurves.Measured(0.5, 1, 0))),
                new ReliabilityCurves.Curve("global", List.of(new ReliabilityCurves.Measured(0, 1, 0),
                        new ReliabilityCurves.Measured(0.5, 1, 0))));
        XYSeriesCollection theory = new XYSeriesCollection();
        for (String membership : List.of("scamp", "global")) {
            XYSeries series = new XYSeries(ReliabilityCurves.theoryLabel(membership));
            series.add(0, 1.0);
            series.add(0.5, 1.0);
            theory.addSeries(series);
        }
        return SweepCharts.reliability("t", "s", Sweep.numeric("crash", List.of(0.0, 0.5)), "crash",
                curves, theory, new XYSeriesCollection());
    }

    @Test
    void theoryDiamondsSurroundTheMeasuredMarkersInsteadOfHidingThem() {
        XYPlot plot = (XYPlot) allReachedWithTheory().getPlot();
        // The measured markers (dataset 0) are drawn last, over the theory.
        assertEquals(DatasetRenderingOrder.REVERSE, plot.getDatasetRenderingOrder());
        XYItemRenderer measured = plot.getRenderer(0);
        XYLineAndShapeRenderer theory = (XYLineAndShapeRenderer) plot.getRenderer(1);
        double outline = ((BasicStroke) theory.getSeriesOutlineStroke(0)).getLineWidth();
        double largestMarker = 0;
        for (int i = 0; i < 2; i++) {
            largestMarker = Math.max(largestMarker, outerRadius((XYLineAndShapeRenderer) measured, i));
        }
        double previousSide = 0;
        for (int i = 0; i < 2; i++) {
            assertFalse(theory.getSeriesShapesFilled(i), "hollow");
            Shape diamond = theory.getSeriesShape(i);
            // A diamond's sides are closest to its centre at half its diagonal over √2.
            double side = diamond.getBounds2D().getMaxX() / Math.sqrt(2);
            assertTrue(side - outline / 2 > largestMarker + 1,
                    "diamond " + i + " clears every measured marker: " + side + " vs " + largestMarker);
            assertTrue(side - outline / 2 > previousSide + outline / 2,
                    "diamond " + i + " nests around the one before");
            previousSide = side;
        }
    }

    /**
     * Where SCAMP and the baseline measure the same value, both markers show: SCAMP's filled dot,
     * and around it, clear of it, the baseline's hollow ring; on the coverage chart too.
     */
    @Test
    void theBaselinesMarkerIsAHollowRingAroundScampsDot() {
        List<CoverageSweep.Curve> coverage = List.of(
                new CoverageSweep.Curve("scamp", List.of(new CoverageSweep.Entry(0, 1, 1, 1, 10))),
                new CoverageSweep.Curve("global", List.of(new CoverageSweep.Entry(0, 1, 1, 1, 10))));
        JFreeChart coverageChart = SweepCharts.coverage("t", "s", Sweep.numeric("crash", List.of(0.0, 0.5)),
                "crash", coverage);
        for (JFreeChart chart : List.of(allReachedWithTheory(), coverageChart)) {
            var measured = (XYLineAndShapeRenderer) ((XYPlot) chart.getPlot()).getRenderer(0);
            assertTrue(measured.getSeriesShapesFilled(0), "SCAMP's dot is filled");
            assertFalse(measured.getSeriesShapesFilled(1), "the baseline's ring is hollow");
            assertTrue(measured.getDrawOutlines(), "a hollow marker is drawn by its outline");
            double ringInside = measured.getSeriesShape(1).getBounds2D().getMaxX()
                    - ((BasicStroke) measured.getSeriesOutlineStroke(1)).getLineWidth() / 2;
            assertTrue(ringInside > outerRadius(measured, 0) + 1,
                    "ring " + ringInside + " px clear of the dot " + outerRadius(measured, 0));
        }
    }

    /** How far series {@code i}'s marker reaches from its centre, its outline included. */
    private static double outerRadius(XYLineAndShapeRenderer renderer, int i) {
        double stroke = renderer.getDrawOutlines()
                ? ((BasicStroke) renderer.getSeriesOutlineStroke(i)).getLineWidth() / 2 : 0;
        return farthestCorner(renderer.getSeriesShape(i)) + stroke;
    }

    @Test
    void legendSaysWhichMarkersAreMeasuredAndWhichAreTheory() {
        LegendItemCollection items = allReachedWithTheory().getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("scamp, measured", "global, measured",
                "scamp, theory exp(−e^(−k)) at its live fanout",
                "global, theory exp(−e^(−k)) at its live fanout"), labels);
    }

    /**
     * SCAMP's prediction from its InViews: hollow triangles clear of the measured dot and of the
     * baseline's ring around it, so where prediction and measurement agree both show; the legend
     * tells the three kinds of series apart.
     */
    @Test
    void predictionTrianglesSurroundTheMeasuredMarkersAndHaveTheirOwnLegendEntry() {
        List<ReliabilityCurves.Curve> curves = List.of(
                new ReliabilityCurves.Curve("scamp", List.of(new ReliabilityCurves.Measured(0, 1, 0))),
                new ReliabilityCurves.Curve("global", List.of(new ReliabilityCurves.Measured(0, 1, 0))));
        XYSeriesCollection prediction = new XYSeriesCollection();
        XYSeries series = new XYSeries(ReliabilityCurves.predictionLabel("scamp"));
        series.add(0, 1.0);
        prediction.addSeries(series);
        JFreeChart chart = SweepCharts.reliability("t", "s", Sweep.numeric("loss", List.of(0.0, 0.1)),
                "loss", curves, new XYSeriesCollection(), prediction);
        XYPlot plot = (XYPlot) chart.getPlot();
        var measured = (XYLineAndShapeRenderer) plot.getRenderer(0);
        var triangles = (XYLineAndShapeRenderer) plot.getRenderer(1);
        Shape triangle = triangles.getSeriesShape(0);
        // The sides of an equilateral triangle pass at half its circumradius from its centre.
        double side = -triangle.getBounds2D().getMinY() / 2
                - ((BasicStroke) triangles.getSeriesOutlineStroke(0)).getLineWidth() / 2;
        assertTrue(side > Math.max(outerRadius(measured, 0), outerRadius(measured, 1)) + 0.5,
                "triangle " + side + " px clear of the markers");
        assertFalse(triangles.getSeriesShapesFilled(0));
        LegendItemCollection items = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("scamp, measured", "global, measured",
                "scamp, predicted from InView sizes and copies lost"), labels);
    }

    /** The distance from a marker's centre (0, 0) to its farthest point. */
    private static double farthestCorner(Shape shape) {
        double farthest = 0;
        double[] point = new double[6];
        for (PathIterator it = shape.getPathIterator(null, 0.01); !it.isDone(); it.next()) {
            if (it.currentSegment(point) != PathIterator.SEG_CLOSE) {
                farthest = Math.max(farthest, Math.hypot(point[0], point[1]));
            }
        }
        return farthest;
    }
}
