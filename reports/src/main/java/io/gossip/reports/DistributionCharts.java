package io.gossip.reports;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Renders distributions across broadcasts and nodes: coverage bands over time, latency CDFs and
 * histograms. Used by both the single-run and the comparison report; the data comes ready-made
 * from the dataset classes.
 */
final class DistributionCharts {
    private DistributionCharts() {
    }

    /** Median coverage over time with a 5–95 % band, one colour per band. */
    static JFreeChart coverageOverTime(String title, String subtitle, List<CoverageBands.Band> bands) {
        XYPlot plot = Plots.xy("time since the broadcast was sent (ms)",
                "fraction of live nodes reached");
        Plots.add(plot, CoverageBands.dataset(bands), Plots.band(bands.size()));
        Plots.fractionRange(plot);
        plot.getDomainAxis().setLowerBound(0);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /**
     * Step curves of latency distributions given in pairs (t99, t100) per group: one colour per
     * group, dashed for t99 and solid for t100. Each curve is one path (see
     * {@link LatencyCdf#dataset}), so t99's dashes survive however many broadcasts make its steps.
     */
    static JFreeChart latencyCdf(String title, String subtitle, List<LatencyCdf.Cdf> cdfs) {
        XYPlot plot = Plots.xy("delay since the broadcast was sent (ms)", "fraction of broadcasts");
        XYLineAndShapeRenderer renderer = Plots.paths();
        for (int i = 0; i < cdfs.size(); i++) {
            renderer.setSeriesPaint(i, ChartTheme.color(i / 2));
            renderer.setSeriesStroke(i, i % 2 == 0 ? ChartTheme.DASHED : ChartTheme.LINE);
        }
        Plots.add(plot, LatencyCdf.dataset(cdfs), renderer);
        Plots.fractionRange(plot);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /**
     * One bar per view size ({@link ViewSizes}' datasets), several histograms side by side, with
     * vertical markers (typically the expected size); {@code yLabel} says what the heights are.
     */
    static JFreeChart viewSizeHistogram(String title, String subtitle, String xLabel, String yLabel,
            XYIntervalSeriesCollection bars, List<ValueMarker> markers) {
        XYPlot plot = Plots.xy(xLabel, yLabel);
        Plots.add(plot, bars, Plots.bars(bars.getSeriesCount()));
        includeZero(plot);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        markers.forEach(plot::addDomainMarker);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /**
     * Binned counts of messages sent per node, one series per membership; with {@code repetitions}
     * repetitions each bar is their mean ({@link BinnedHistogram}), which the y-axis label says.
     */
    static JFreeChart messagesHistogram(String title, String subtitle, BinnedHistogram histogram,
            int repetitions) {
        XYPlot plot = Plots.xy("messages sent by a node (count)", repetitions > 1
                ? "nodes (mean of " + repetitions + " repetitions)" : "nodes");
        Plots.add(plot, histogram.dataset(), Plots.bars(histogram.series().size()));
        includeZero(plot);
        return ChartTheme.chart(title, subtitle, plot);
    }

    private static void includeZero(XYPlot plot) {
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    }
}
