package io.gossip.reports;

import java.awt.BasicStroke;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYSeriesLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders values per point of a run or a sweep: reliability and final coverage against the swept
 * parameter (numeric or categorical, see {@link Sweep}), mean PartialView size against n, and the
 * duplicate ratio per point.
 */
final class SweepCharts {
    /**
     * Half the diagonal of the theory diamond of the first membership, in pixels. Its sides pass
     * 11.3 px from the centre (10.3 px inside its outline), clear of the measured dot (radius 5)
     * and of the second membership's ring around it ({@link Plots#sweepMarkers}, 9 px out), so
     * where theory and measurement agree (both at 1, say) the markers show inside the diamond
     * instead of being hidden by it.
     */
    static final int DIAMOND_HALF_DIAGONAL = 16;

    /** How much larger each further membership's diamond is, so diamonds at one value nest. */
    static final int DIAMOND_STEP = 4;

    private static final int LEGEND_DIAMOND_HALF_DIAGONAL = 7;

    /**
     * Distance from the centre of a prediction triangle to its corners, in pixels. Its sides pass
     * 11 px from the centre (10 px inside its outline), clear of the measured dot and of the
     * baseline's ring, so where prediction and measurement agree the marker shows inside it.
     */
    static final int TRIANGLE_CIRCUMRADIUS = 22;

    private static final int LEGEND_TRIANGLE_CIRCUMRADIUS = 8;

    /** The solid outline of a theory diamond: the dashes of the theory line would break it up. */
    static final Stroke DIAMOND_OUTLINE = new BasicStroke(2f);

    private SweepCharts() {
    }

    /**
     * Measured reliability with ± one standard error, each membership's theory in its colour
     * (dashed, hollow diamonds around the measured markers) and SCAMP's prediction from its InView
     * sizes (dotted, hollow triangles around them). {@code curves}, {@code theory} and
     * {@code prediction} name memberships (or runs): a theory or prediction series takes the colour
     * of the curve its label names. With a theory or a prediction, the legend calls the measured
     * series "NAME, measured".
     */
    static JFreeChart reliability(String title, String subtitle, Sweep sweep, String xLabel,
            List<ReliabilityCurves.Curve> curves, XYSeriesCollection theory,
            XYSeriesCollection prediction) {
        XYPlot plot = Plots.xy(sweep.axis(xLabel),
                "reliability (fraction of broadcasts reaching all)");
        XYErrorRenderer measured = Plots.errorBars(curves.size());
        measured.setDefaultLinesVisible(sweep.numeric());
        Plots.add(plot, ReliabilityCurves.dataset(curves), measured);
        if (theory.getSeriesCount() > 0 || prediction.getSeriesCount() > 0) {
            measured.setLegendItemLabelGenerator(new StandardXYSeriesLabelGenerator("{0}, measured"));
        }
        if (theory.getSeriesCount() > 0) {
            // The legend needs no nesting: one small diamond keeps its rows level.
            Plots.add(plot, theory, hollowMarkers(sweep, curves, theory, ReliabilityCurves::theoryLabel,
                    ChartTheme.DASHED, i -> diamond(DIAMOND_HALF_DIAGONAL + DIAMOND_STEP * i),
                    diamond(LEGEND_DIAMOND_HALF_DIAGONAL)));
        }
        if (prediction.getSeriesCount() > 0) {
            Plots.add(plot, prediction, hollowMarkers(sweep, curves, prediction,
                    ReliabilityCurves::predictionLabel, ChartTheme.DOTTED,
                    i -> triangle(TRIANGLE_CIRCUMRADIUS), triangle(LEGEND_TRIANGLE_CIRCUMRADIUS)));
        }
        // Datasets drawn in reverse order: the measured markers (dataset 0) come last, on top of
        // the theory's lines and diamonds and the prediction's triangles.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Plots.fractionRange(plot);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /**
     * Hollow markers on a line for the series of {@code dataset}, each in the colour of the
     * measured curve whose name {@code labelOf} turns into the series' name: the theory's diamonds
     * and the prediction's triangles, drawn around the measured markers.
     */
    private static XYLineAndShapeRenderer hollowMarkers(Sweep sweep, List<ReliabilityCurves.Curve> curves,
            XYSeriesCollection dataset, UnaryOperator<String> labelOf, Stroke line,
            IntFunction<Shape> shapeOfSeries, Shape legendShape) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(sweep.numeric(), true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(colorOf(curves, (String) dataset.getSeriesKey(i), labelOf)));
            renderer.setSeriesStroke(i, line);
            renderer.setSeriesShape(i, shapeOfSeries.apply(i));
            renderer.setSeriesShapesFilled(i, false);
            renderer.setSeriesOutlineStroke(i, DIAMOND_OUTLINE);
            renderer.setLegendShape(i, legendShape);
        }
        return renderer;
    }

    /** A diamond centred on the data point whose corners are {@code half} px from its centre. */
    static Shape diamond(int half) {
        return new Polygon(new int[] {0, half, 0, -half}, new int[] {-half, 0, half, 0}, 4);
    }

    /** An upward triangle centred on the data point, its corners {@code r} px from its centre. */
    static Shape triangle(int r) {
        int halfSide = (int) Math.round(r * Math.sqrt(3) / 2);
        return new Polygon(new int[] {0, halfSide, -halfSide}, new int[] {-r, r / 2, r / 2}, 3);
    }

    /** Mean final coverage per point with its 5–95 % range: a band on a numeric axis, bars else. */
    static JFreeChart coverage(String title, String subtitle, Sweep sweep, String xLabel,
            List<CoverageSweep.Curve> curves) {
        XYPlot plot = Plots.xy(sweep.axis(xLabel),
                "final coverage (fraction of live nodes reached)");
        XYItemRenderer renderer;
        if (sweep.numeric()) {
            DeviationRenderer band = Plots.band(curves.size());
            band.setDefaultShapesVisible(true);
            Plots.sweepMarkers(band, curves.size());
            renderer = band;
        } else {
            XYErrorRenderer bars = Plots.errorBars(curves.size());
            bars.setDefaultLinesVisible(false);
            renderer = bars;
        }
        Plots.add(plot, CoverageSweep.dataset(curves), renderer);
        // Zoom in on high coverage (the interesting case) but keep every mean and band visible.
        double low = Math.min(1, curves.stream().flatMap(c -> c.entries().stream())
                .mapToDouble(e -> Math.min(e.mean(), e.p5())).min().orElse(0));
        Plots.coverageRange(plot, low);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /**
     * Mean messages sent per node against the swept parameter, one series per membership or run:
     * lines through the sweep's markers on a number axis, markers alone on categories; the y axis
     * from 0, so that the costs compare by their heights.
     */
    static JFreeChart messagesPerNode(String title, String subtitle, Sweep sweep, String xLabel,
            XYSeriesCollection dataset) {
        XYPlot plot = Plots.xy(sweep.axis(xLabel), "messages sent per node (mean over the run)");
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = Plots.lines(dataset.getSeriesCount(), 0, true);
        renderer.setDefaultLinesVisible(sweep.numeric());
        Plots.sweepMarkers(renderer, dataset.getSeriesCount());
        Plots.add(plot, dataset, renderer);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /** The x-axis label of a sweep over {@code parameter}, as {@link ParameterNames} names it. */
    static String axisLabel(String parameter) {
        return "swept parameter " + parameter;
    }

    /** The colour index of the curve whose name {@code labelOf} turns into {@code label}. */
    private static int colorOf(List<ReliabilityCurves.Curve> curves, String label,
            UnaryOperator<String> labelOf) {
        for (int i = 0; i < curves.size(); i++) {
            if (label.equals(labelOf.apply(curves.get(i).name()))) {
                return i;
            }
        }
        return curves.size();
    }

    /**
     * Measured mean PartialView size against n on a log axis, with ± one standard error over the
     * repetitions where there are several, and (c+1)·ln n: always logarithmic, since a straight
     * line there is what SCAMP predicts.
     */
    static JFreeChart pvScaling(String title, String subtitle, PvScaling scaling) {
        XYPlot plot = Plots.xy(new PlainLogAxis("number of nodes n (log scale)"),
                "mean PartialView size (entries)");
        Plots.add(plot, scaling.measuredDataset(), Plots.errorBars(1));
        Plots.add(plot, scaling.theoryDataset(), Plots.theory());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /** One bar per membership within each point; {@code xLabel} names what the points are. */
    static JFreeChart duplicateRatio(String title, String subtitle, String xLabel,
            DefaultCategoryDataset dataset) {
        CategoryAxis points = new CategoryAxis(xLabel);
        // Words (a categorical sweep) may need more room than a bar group: wrap rather than cut.
        points.setMaximumCategoryLabelLines(2);
        points.setMaximumCategoryLabelWidthRatio(1.5f);
        if (dataset.getColumnCount() > 8) {
            points.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis ratio = new NumberAxis("duplicate ratio (duplicates ÷ messages)");
        ratio.setAutoRangeIncludesZero(true);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < dataset.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(i));
        }
        CategoryPlot plot = new CategoryPlot(dataset, points, ratio, renderer);
        return ChartTheme.chart(title, subtitle, plot);
    }
}
