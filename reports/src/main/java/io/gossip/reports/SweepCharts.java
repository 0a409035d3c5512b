package io.gossip.reports;

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
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders values per point of a run or a sweep: reliability against the swept parameter, mean
 * PartialView size against n, and the duplicate ratio per point.
 */
final class SweepCharts {
    private SweepCharts() {
    }

    /** Measured reliability with ± one standard deviation, and the theory when there is one. */
    static JFreeChart reliability(String title, String subtitle, String parameter,
            List<ReliabilityCurves.Curve> curves) {
        XYPlot plot = Plots.xy("swept parameter " + parameter,
                "reliability (fraction of broadcasts reaching all)");
        Plots.add(plot, ReliabilityCurves.dataset(curves), Plots.errorBars(curves.size()));
        Plots.add(plot, ReliabilityCurves.theoryDataset(parameter, curves), Plots.theory());
        Plots.fractionRange(plot);
        return ChartTheme.chart(title, subtitle, plot);
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

    /** One bar per membership within each point. */
    static JFreeChart duplicateRatio(String title, String subtitle, DefaultCategoryDataset dataset) {
        CategoryAxis points = new CategoryAxis("point");
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
