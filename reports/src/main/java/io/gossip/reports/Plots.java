package io.gossip.reports;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.Shape;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Building blocks for XY charts: axes and renderers already styled with {@link ChartTheme}, so
 * chart classes only say which data goes where.
 */
final class Plots {
    private static final Shape DOT = new Ellipse2D.Double(-5, -5, 10, 10);

    /** Radius of the hollow ring of the second series on a sweep chart ({@link #sweepMarkers}). */
    static final int RING_RADIUS = 8;

    /** How much larger each further series' ring is, so rings at one value nest. */
    static final int RING_STEP = 3;

    /** The outline of a ring: 2 px, so it reads as clearly as a filled marker. */
    static final BasicStroke RING_OUTLINE = new BasicStroke(2f);

    private Plots() {
    }

    /** An empty XY plot with number axes. */
    static XYPlot xy(String xLabel, String yLabel) {
        return xy(new NumberAxis(xLabel), yLabel);
    }

    /** An empty XY plot with the given domain axis and a number range axis. */
    static XYPlot xy(ValueAxis xAxis, String yLabel) {
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        if (xAxis instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
            // Leave a margin left of x = 0 so markers and error bars there are not cut in half.
            number.setAutoRangeStickyZero(false);
        }
        XYPlot plot = new XYPlot(null, xAxis, yAxis, null);
        return plot;
    }

    /**
     * How far a fraction axis runs past 0 and 1, as a share of 0 to 1: room for the markers drawn
     * at exactly 0 or 1 (a reliability of 0, the theory's diamonds at 1), which the plot's border
     * would otherwise cut in half.
     */
    static final double FRACTION_MARGIN = 0.04;

    /** A y axis for fractions and probabilities: 0 to 1 and a margin beyond, ticks from 0 to 1. */
    static void fractionRange(XYPlot plot) {
        fractionAxis(plot).setRange(-FRACTION_MARGIN, 1 + FRACTION_MARGIN);
    }

    /**
     * Zooms a coverage axis (a fraction that is 1 at best) on the data, whose lowest value is
     * {@code low}: from a little below {@code low} to a hair above 1, but never narrower than 0.99
     * to 1, so all-1.0 data (every broadcast reached everyone) gets readable ticks rather than an
     * empty range; data down to 0 get the margin of {@link #fractionRange}. Ticks are plain
     * decimals from 0 to 1, never scientific notation.
     */
    static void coverageRange(XYPlot plot, double low) {
        double gap = Math.max(1 - Math.min(1, low), 0);
        double lower = Math.max(-FRACTION_MARGIN, Math.min(0.99, low - gap * 0.08));
        NumberAxis axis = fractionAxis(plot);
        axis.setRange(lower, 1 + (1 - lower) * FRACTION_MARGIN);
        axis.setNumberFormatOverride(new DecimalFormat("0.0###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        // JFreeChart packs in as many ticks as their labels' height allows: 21 from 0.99 to 1
        // (0.9995, 0.999, 0.9985 ...), more numbers than anyone reads off a coverage chart.
        axis.setTickUnit(new NumberTickUnit(niceStep(1 - lower, COVERAGE_TICKS)));
    }

    /** At most about this many tick labels on a coverage axis. */
    static final int COVERAGE_TICKS = 12;

    /** The smallest step of 1, 2 or 5 times a power of ten that cuts {@code span} into at most {@code ticks} parts. */
    static double niceStep(double span, int ticks) {
        double raw = span / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** Replaces the plot's y axis by one with the same label that has ticks only from 0 to 1. */
    private static NumberAxis fractionAxis(XYPlot plot) {
        NumberAxis axis = new TicksWithin(plot.getRangeAxis().getLabel(), 0, 1);
        plot.setRangeAxis(axis);
        return axis;
    }

    /** Adds {@code dataset} drawn by {@code renderer} on top of what the plot already has. */
    static void add(XYPlot plot, XYDataset dataset, XYItemRenderer renderer) {
        int index = plot.getDatasetCount();
        while (plot.getDataset(index) != null) {
            index++;
        }
        plot.setDataset(index, dataset);
        plot.setRenderer(index, renderer);
    }

    /** Lines in palette order starting at colour {@code firstColor}, with dots when asked. */
    static XYLineAndShapeRenderer lines(int seriesCount, int firstColor, boolean dots) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, dots);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(firstColor + i));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            renderer.setSeriesShape(i, DOT);
        }
        return renderer;
    }

    /**
     * Markers only, for one value per broadcast: the first membership's a dot, every further
     * one's a ring around it ({@link #sweepMarkers}), since SCAMP and the baseline often send at
     * the same time and reach everyone, where a square under SCAMP's dot vanished.
     */
    static XYLineAndShapeRenderer dots(int seriesCount) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, ChartTheme.translucent(ChartTheme.color(i), 0.8f));
        }
        sweepMarkers(renderer, seriesCount);
        return renderer;
    }

    /**
     * A dashed black line, for theoretical curves; drawn as one path (see {@link #paths}) so it
     * stays dashed where it has a point every few pixels, as the expected view size of a timeline
     * sampled every second does.
     */
    static XYLineAndShapeRenderer theory() {
        XYLineAndShapeRenderer renderer = paths();
        renderer.setSeriesPaint(0, ChartTheme.THEORY);
        renderer.setSeriesStroke(0, ChartTheme.DASHED);
        return renderer;
    }

    /** A median line over a translucent band of the same colour. */
    static DeviationRenderer band(int seriesCount) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(i));
            renderer.setSeriesFillPaint(i, ChartTheme.color(i));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
        }
        return renderer;
    }

    /** Lines with dots and vertical error bars. */
    static XYErrorRenderer errorBars(int seriesCount) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(10);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(i));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
        }
        sweepMarkers(renderer, seriesCount);
        return renderer;
    }

    /**
     * The markers of a chart against a swept parameter, or of any chart where memberships often
     * share a value at a point (SCAMP and the baseline both at reliability 1): the first series a
     * filled dot, every further one a hollow ring around it, each ring larger than the one before.
     * Filled dots and squares of one size, as elsewhere, sat on top of each other there and SCAMP's
     * dot hid the baseline's square; a sideways shift would misplace them on a number axis.
     */
    static void sweepMarkers(XYLineAndShapeRenderer renderer, int seriesCount) {
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        for (int i = 0; i < seriesCount; i++) {
            double r = RING_RADIUS + RING_STEP * (i - 1);
            renderer.setSeriesShape(i, i == 0 ? DOT : new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
            renderer.setSeriesShapesFilled(i, i == 0);
            renderer.setSeriesOutlineStroke(i, i == 0 ? new BasicStroke(0.5f) : RING_OUTLINE);
        }
    }

    /** Flat bars; several series share each bin side by side rather than hiding each other. */
    static XYBarRenderer bars(int seriesCount) {
        XYBarRenderer renderer = seriesCount > 1
                ? new ClusteredXYBarRenderer(0.08, false)
                : new XYBarRenderer(0.08);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(i));
        }
        return renderer;
    }

    /**
     * Lines drawn as one path per series, colour and stroke chosen per series by the caller: a
     * dash pattern then runs on along the series instead of restarting at every point, which
     * keeps dashed lines dashed where points are dense. The legend line is long enough to show
     * two dashes.
     */
    static XYLineAndShapeRenderer paths() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-16, 0, 16, 0));
        return renderer;
    }
}
