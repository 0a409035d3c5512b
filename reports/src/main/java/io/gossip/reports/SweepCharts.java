package io.gossip.reports;

import java.awt.Polygon;
import java.awt.Shape;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
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
    private static final Shape DIAMOND = new Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4);

    private SweepCharts() {
    }

    /**
     * Measured reliability with ± one standard error, and each membership's theory in its colour
     * (dashed, hollow diamonds). {@code curves} and {@code theory} name memberships (or runs): a
     * theory series takes the colour of the curve its label names.
     */
    static JFreeChart reliability(String title, String subtitle, Sweep sweep, String xLabel,
            List<ReliabilityCurves.Curve> curves, XYSeriesCollection theory) {
        XYPlot plot = Plots.xy(sweep.axis(xLabel),
                "reliability (fraction of broadcasts reaching all)");
        XYErrorRenderer measured = Plots.errorBars(curves.size());
        measured.setDefaultLinesVisible(sweep.numeric());
        Plots.add(plot, ReliabilityCurves.dataset(curves), measured);
        if (theory.getSeriesCount() > 0) {
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(sweep.numeric(), true);
            for (int i = 0; i < theory.getSeriesCount(); i++) {
                int color = colorOf(curves, (String) theory.getSeriesKey(i));
                renderer.setSeriesPaint(i, ChartTheme.color(color));
                renderer.setSeriesStroke(i, ChartTheme.DASHED);
                renderer.setSeriesShape(i, DIAMOND);
                renderer.setSeriesShapesFilled(i, false);
            }
            Plots.add(plot, theory, renderer);
        }
        Plots.fractionRange(plot);
        return ChartTheme.chart(title, subtitle, plot);
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
            for (int i = 0; i < curves.size(); i++) {
                band.setSeriesShape(i, Plots.seriesShape(i));
            }
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

    /** The x-axis label of a sweep over {@code parameter}, as {@link ParameterNames} names it. */
    static String axisLabel(String parameter) {
        return "swept parameter " + parameter;
    }

    private static int colorOf(List<ReliabilityCurves.Curve> curves, String theoryLabel) {
        for (int i = 0; i < curves.size(); i++) {
            if (theoryLabel.equals(ReliabilityCurves.theoryLabel(curves.get(i).name()))) {
                return i;
            }
        }
        return curves.size();
    }

    /** Measured mean PartialView size against n on a log axis, with (c+1)·ln n. */
    static JFreeChart pvScaling(String title, String subtitle, PvScaling scaling) {
        LogAxis nodes = new LogAxis("number of nodes n (log scale)");
        nodes.setBase(10);
        nodes.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        // A labelled tick per decade when the sweep spans one or more, else automatic ticks.
        double decades = Math.log10(scaling.measured().get(scaling.measured().size() - 1)[0]
                / scaling.measured().get(0)[0]);
        if (decades >= 1) {
            nodes.setTickUnit(new NumberTickUnit(1.0), false, true);
            nodes.setMinorTickCount(9);
            nodes.setMinorTickMarksVisible(true);
        }
        XYPlot plot = Plots.xy(nodes, "mean PartialView size (entries)");
        Plots.add(plot, scaling.measuredDataset(), Plots.lines(1, 0, true));
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
