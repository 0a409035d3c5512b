package io.gossip.reports;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Renders a scenario's timeline: view sizes, live nodes and broadcast coverage against the time
 * of the run, with a labelled vertical marker at every executed action.
 */
final class TimelineCharts {
    private static final String TIME_AXIS = "time since the start of the run (ms)";

    private TimelineCharts() {
    }

    /** PartialView mean/min/max and InView mean over time, with the expected size dashed. */
    static JFreeChart viewSizes(String title, String subtitle, TimelineView view) {
        XYPlot plot = Plots.xy(TIME_AXIS, "view size (entries)");
        // One path per series, so the InView mean's dashes survive a sample every pixel or two.
        XYLineAndShapeRenderer lines = Plots.paths();
        // mean, min and max share blue tones; InView mean is vermillion, which stands out in
        // dashes over the blue PartialView mean (green, of a similar lightness, blended with it).
        lines.setSeriesPaint(0, ChartTheme.color(0));
        lines.setSeriesPaint(1, ChartTheme.color(5));
        lines.setSeriesPaint(2, ChartTheme.color(4));
        lines.setSeriesPaint(3, ChartTheme.color(1));
        for (int i = 0; i < 3; i++) {
            lines.setSeriesStroke(i, ChartTheme.LINE);
        }
        // Every arc is in one PartialView and one InView, so the two means agree except while arcs
        // are in the making or lead to nodes that are gone. Drawn solid under the PartialView mean,
        // the InView mean vanished; one line named for both would be wrong where they part. Short
        // dashes drawn last show both: alternating colours where they agree, apart where not.
        lines.setSeriesStroke(3, ChartTheme.SHORT_DASHED);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        Plots.add(plot, view.viewSizes(), lines);
        Plots.add(plot, view.expectedSize(), Plots.theory());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        addMarkers(plot, view);
        timeAxis(plot, view);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /** Live nodes over time. */
    static JFreeChart liveNodes(String title, String subtitle, TimelineView view) {
        XYPlot plot = Plots.xy(TIME_AXIS, "live nodes");
        Plots.add(plot, view.liveNodes(), Plots.lines(1, 0, false));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        addMarkers(plot, view);
        timeAxis(plot, view);
        return ChartTheme.chart(title, subtitle, plot);
    }

    /** One dot per broadcast: its final coverage against the time it was sent. */
    static JFreeChart broadcastCoverage(String title, String subtitle, TimelineView view) {
        XYPlot plot = Plots.xy(TIME_AXIS + ", when the broadcast was sent",
                "fraction of live nodes reached");
        var dataset = view.broadcastCoverage();
        Plots.add(plot, dataset, Plots.dots(dataset.getSeriesCount()));
        // Zoomed like coverage against a parameter, so 0.998 and 1 are told apart.
        double low = 1;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            low = Math.min(low, dataset.getSeries(s).getMinY());
        }
        Plots.coverageRange(plot, low);
        TimelineView.TimeWindow window = view.broadcastWindow();
        EventLabelBand.reserve(plot, view.markers().stream().filter(m -> window.contains(m.tMs())).toList());
        plot.getDomainAxis().setRange(window.fromMs(), window.toMs());
        return ChartTheme.chart(title, subtitle, plot);
    }

    /** The whole run on the time axis ({@link TimelineView#wholeRun}). */
    private static void timeAxis(XYPlot plot, TimelineView view) {
        TimelineView.TimeWindow whole = view.wholeRun();
        plot.getDomainAxis().setRange(whole.fromMs(), whole.toMs());
    }

    /**
     * A line at each marked action, labelled in a band above the data ({@link EventLabelBand}),
     * so the y axis must span the data already.
     */
    private static void addMarkers(XYPlot plot, TimelineView view) {
        EventLabelBand.reserve(plot, view.markers());
    }
}
