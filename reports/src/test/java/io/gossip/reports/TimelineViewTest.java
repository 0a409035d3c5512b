package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineViewTest {
    @TempDir
    Path dir;

    @Test
    void showsTheFirstRepetitionOfScampInTimeOrder() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        assertEquals(0, v.point());
        assertEquals("scamp", v.membership());
        assertEquals(0, v.repetition());
        XYSeriesCollection sizes = v.viewSizes();
        List<Comparable<?>> keys = new ArrayList<>();
        for (int s = 0; s < sizes.getSeriesCount(); s++) {
            keys.add(sizes.getSeriesKey(s));
        }
        assertEquals(List.of("PartialView mean", "PartialView min", "PartialView max", "InView mean"), keys);
        assertEquals(3, sizes.getItemCount(0));
        assertEquals(100.0, sizes.getXValue(0, 1));
        assertEquals(2.5, sizes.getYValue(0, 1));
        assertEquals(4.0, sizes.getYValue(2, 2));
        assertEquals(2.19, v.expectedSize().getYValue(0, 1));
        assertEquals(3.0, v.liveNodes().getYValue(0, 1));
    }

    @Test
    void markersAreTheActionsOfThatRepetitionInTimeOrder() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        assertEquals(List.of(new TimelineView.EventMarker(50.0, "crash", "crash n3"),
                new TimelineView.EventMarker(150.0, "join", "join n3")), v.markers());
        assertEquals(200.0, v.endMs());
    }

    @Test
    void frequentActionsAreCountedInsteadOfMarkedOneByOne() throws Exception {
        Fixtures.withTimeline(dir);
        List<String> events = new ArrayList<>(List.of(Fixtures.EVENTS_HEADER,
                "0,scamp,0,10.0,churn,joins_per_s=5.0", "0,scamp,0,190.0,churn-end,joins=6"));
        for (int i = 0; i < 6; i++) {
            events.add("0,scamp,0," + (20 + i) + ".0,churn-join,node=" + i);
        }
        for (int i = 0; i < 5; i++) {
            events.add("0,scamp,0," + (30 + i) + ".0,churn-leave,node=" + i);
        }
        Fixtures.write(dir, "events.csv", events.toArray(String[]::new));
        TimelineView v = TimelineView.of(RunData.load(dir)).orElseThrow();
        // Six joins exceed the limit of five; five leaves do not.
        assertEquals(Map.of("churn-join", 6), v.unmarked());
        assertEquals(7, v.markers().size());
        assertEquals("churn joins_per_s=5", v.markers().get(0).label());
        assertTrue(v.markers().stream().noneMatch(m -> m.label().startsWith("churn-join")));
        assertTrue(RunFigures.markersText(v).contains("not marked one by one: 6 churn-joins"));
    }

    @Test
    void markerLabelsKeepShortDetailsAndOtherwiseSayWhenInsteadOfCuttingValues() {
        assertEquals("heal", new EventRow(0, "scamp", 0, 240_000, "heal", "").label());
        assertEquals("crash nodes=20", new EventRow(0, "scamp", 0, 5_000, "crash", "nodes=20").label());
        assertEquals("partition at 210 s",
                new EventRow(0, "scamp", 0, 210_000, "partition", "groups=2 until_ms=240000.0").label());
        assertEquals("join at 0.5 s", new EventRow(0, "scamp", 0, 500, "join", "count=2000 over_ms=200000.0").label());
    }

    /**
     * Counts and times in a label have thousands separators, as everywhere else in the report; a
     * whole number written as a decimal in events.csv ({@code 240000.0}) loses its ".0". Words,
     * flags and identifiers (a node, an origin, a broadcast number, looked up in the other result
     * files as written there) stay as they are.
     */
    @Test
    void markerLabelsGroupTheDigitsOfCountsAndTimes() {
        assertEquals("crash nodes=12,000", new EventRow(0, "scamp", 0, 5_000, "crash", "nodes=12000").label());
        assertEquals("nodes=1,500 skipped_not_live=2", new EventRow(0, "scamp", 0, 5_000,
                "unsubscribe", "nodes=1500 skipped_not_live=2").detailText());
        assertEquals("groups=2 until_ms=240,000", new EventRow(0, "scamp", 0, 210_000, "partition",
                "groups=2 until_ms=240000.0").detailText());
        assertEquals("joins_per_s=2.5 leaves_per_s=1,000.25 crash=true until_ms=2,130,000",
                new EventRow(0, "scamp", 0, 0, "churn",
                        "joins_per_s=2.5 leaves_per_s=1000.25 crash=true until_ms=2130000.0").detailText());
        assertEquals("count=2,000 requested=5,000 over_ms=0.5 contacts=uniform", new EventRow(0, "scamp", 0, 0,
                "join", "count=2000 requested=5000 over_ms=0.5 contacts=uniform").detailText());
        assertEquals("broadcast=12 origin=12345", new EventRow(0, "scamp", 0, 0, "broadcast",
                "broadcast=12 origin=12345").detailText());
        assertEquals("node=12345 crash", new EventRow(0, "scamp", 0, 0, "churn-leave", "node=12345 crash")
                .detailText());
        assertEquals("skipped source=-1 not_live", new EventRow(0, "scamp", 0, 0, "broadcast",
                "skipped source=-1 not_live").detailText());
        assertEquals("n3", new EventRow(0, "scamp", 0, 0, "join", "n3").detailText());
        assertEquals("", new EventRow(0, "scamp", 0, 0, "heal", "").detailText());
    }

    @Test
    void broadcastCoverageIsPlottedAtSendTimePerMembership() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        XYSeriesCollection dataset = v.broadcastCoverage();
        assertEquals("scamp", dataset.getSeriesKey(0));
        assertEquals(2, dataset.getItemCount(0));
        assertEquals(200.0, dataset.getXValue(0, 1));
        assertEquals(0.5, dataset.getYValue(0, 1));
        assertEquals("global", dataset.getSeriesKey(1));
    }

    /**
     * A broadcast of SCAMP and one of the baseline sent at the same time and both reaching
     * everyone sit on the same spot: SCAMP's filled dot there hid the baseline's filled square of
     * about the same size. The baseline is a hollow ring around the dot, as on the sweep charts.
     */
    @Test
    void broadcastCoverageDrawsTheBaselineAsARingAroundScampsDot() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        // The fixture: SCAMP and the baseline both sent a broadcast at 100 ms that reached everyone.
        assertEquals(1.0, v.broadcastCoverage().getYValue(0, 0));
        assertEquals(1.0, v.broadcastCoverage().getYValue(1, 0));
        XYPlot plot = (XYPlot) TimelineCharts.broadcastCoverage("t", "s", v).getPlot();
        var dots = (XYLineAndShapeRenderer) plot.getRenderer(0);
        assertTrue(dots.getItemShapeFilled(0, 0), "SCAMP's dot is filled");
        assertFalse(dots.getItemShapeFilled(1, 0), "the baseline's ring is hollow");
        assertTrue(dots.getDrawOutlines(), "a hollow marker is drawn by its outline");
        double dotRadius = dots.getSeriesShape(0).getBounds2D().getMaxX();
        double ringInside = dots.getSeriesShape(1).getBounds2D().getMaxX()
                - ((BasicStroke) dots.getSeriesOutlineStroke(1)).getLineWidth() / 2;
        assertTrue(ringInside > dotRadius + 1, "ring " + ringInside + " px clear of the dot " + dotRadius);
    }

    @Test
    void broadcastCoverageAxisZoomsOnNearlyCompleteBroadcasts() throws Exception {
        Fixtures.withTimeline(dir);
        Fixtures.write(dir, "broadcasts.csv", Fixtures.BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,1000,1000,1.0,true,10.0,20.0,20.0,3,12,4",
                "0,scamp,0,1,n2,200.0,1000,998,0.998,false,10.0,20.0,,3,12,4");
        TimelineView v = TimelineView.of(RunData.load(dir)).orElseThrow();
        JFreeChart chart = TimelineCharts.broadcastCoverage("t", "s", v);
        var y = (TicksWithin) ((XYPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0.99, y.getLowerBound(), 1e-12);
        // Ticks run up to 1, a fraction's highest value; above it is the band of event labels.
        assertEquals(1, y.highest());
        assertEquals(0, y.lowest());
        SweepChartsTest.assertReadable(SweepChartsTest.yTickLabels(chart));
    }

    @Test
    void broadcastCoverageAxisShowsAFailedBroadcast() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        NumberAxis y = (NumberAxis) ((XYPlot) TimelineCharts.broadcastCoverage("t", "s", v).getPlot())
                .getRangeAxis();
        // The fixture's lowest broadcast reached 0.5 of the live nodes.
        assertTrue(y.getLowerBound() < 0.5 && y.getLowerBound() > 0.4, "lower " + y.getLowerBound());
    }

    @Test
    void expectedViewSizeIsOneDashedPathSoDenseSamplesKeepItDashed() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        XYPlot plot = (XYPlot) TimelineCharts.viewSizes("t", "s", v).getPlot();
        XYLineAndShapeRenderer expected = (XYLineAndShapeRenderer) plot.getRenderer(1);
        assertEquals("expected (c+1)·ln n", plot.getDataset(1).getSeriesKey(0));
        assertEquals(ChartTheme.DASHED, expected.getSeriesStroke(0));
        // Drawn segment by segment, the dashes restart every sample and a line sampled every few
        // pixels looks solid (see LatencyCdfTest.aDenseT99CurveStaysDashed).
        assertTrue(expected.getDrawSeriesLineAsPath());
    }

    /**
     * The InView mean mostly equals the PartialView mean: drawn solid beneath it, it was hidden.
     * It is drawn last, in short dashes along one path, so the PartialView mean shows between them.
     */
    @Test
    void inViewMeanIsDashedOnTopOfThePartialViewMean() throws Exception {
        TimelineView v = TimelineView.of(RunData.load(Fixtures.withTimeline(dir))).orElseThrow();
        JFreeChart chart = TimelineCharts.viewSizes("t", "s", v);
        XYPlot plot = (XYPlot) chart.getPlot();
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer(0);
        assertEquals("InView mean", plot.getDataset(0).getSeriesKey(3));
        assertEquals(ChartTheme.SHORT_DASHED, lines.getSeriesStroke(3));
        assertEquals(ChartTheme.LINE, lines.getSeriesStroke(0), "the PartialView mean stays solid");
        assertTrue(lines.getDrawSeriesLineAsPath());
        assertEquals(SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder(), "InView (3) after PartialView (0)");
        assertTrue(RunFigures.timeline(RunData.load(dir)).get(0).caption()
                .contains("the InView mean is drawn in short vermillion dashes on top of the PartialView mean"));
    }

    /** A run of 1,030 s: 1,000 nodes join a second apart, broadcasts from 1,000 s, a crash at 500 s. */
    private static TimelineView lateBroadcasts(int broadcasts, double everyMs) {
        List<TimelineRow> samples = List.of(new TimelineRow(0, "scamp", 0, 0, 1, 0, 0, 0, 0, 0),
                new TimelineRow(0, "scamp", 0, 1_030_000, 1000, 13, 1, 30, 13, 13.8));
        List<EventRow> events = List.of(new EventRow(0, "scamp", 0, 0, "join", "count=1000"),
                new EventRow(0, "scamp", 0, 500_000, "crash", "nodes=10"),
                new EventRow(0, "scamp", 0, 1_000_000, "broadcast", "count=" + broadcasts));
        List<BroadcastRow> rows = new ArrayList<>();
        for (int i = 0; i < broadcasts; i++) {
            rows.add(new BroadcastRow(0, "scamp", 0, i, 1_000_000 - (broadcasts - 20) * everyMs + i * everyMs,
                    1000, 1000, 1.0, true, 50, 90, 95, 12_000, 10_000));
        }
        return new TimelineView(0, "scamp", 0, samples, events, rows);
    }

    /**
     * Broadcasts after a long join phase stood in one column at the right edge of the whole run's
     * axis: the coverage chart spans them, a twentieth of their span (at least a second) either side.
     */
    @Test
    void broadcastCoverageSpansTheBroadcastsWhenTheyTakeLittleOfTheRun() {
        TimelineView v = lateBroadcasts(20, 1000);
        assertEquals(new TimelineView.TimeWindow(999_000, 1_020_000, false), v.broadcastWindow());
        XYPlot plot = (XYPlot) TimelineCharts.broadcastCoverage("t", "s", v).getPlot();
        assertEquals(999_000, plot.getDomainAxis().getLowerBound());
        assertEquals(1_020_000, plot.getDomainAxis().getUpperBound());
        // The broadcast action's line is drawn (and a label beside it); join and crash lie outside.
        assertEquals(2, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertTrue(RunFigures.windowText(v).contains("from 999 s to 1,020 s of a run of 1,030 s"),
                RunFigures.windowText(v));
        XYPlot sizes = (XYPlot) TimelineCharts.viewSizes("t", "s", v).getPlot();
        assertEquals(0, sizes.getDomainAxis().getLowerBound(), "the other charts keep the whole run");
    }

    /** JFreeChart put 21 labels between 0.99 and 1 (a tick every 0.0005). */
    @Test
    void coverageAxisHasAtMostADozenTicks() {
        NumberAxis y = (NumberAxis) ((XYPlot) TimelineCharts.broadcastCoverage("t", "s", lateBroadcasts(20, 1000))
                .getPlot()).getRangeAxis();
        assertEquals(0.001, y.getTickUnit().getSize(), 1e-12);
        assertEquals(0.001, Plots.niceStep(0.0102, 12), 1e-12);
        assertEquals(0.05, Plots.niceStep(0.56, 12), 1e-12);
        assertEquals(0.1, Plots.niceStep(1.2, 12), 1e-12);
        assertEquals(0.02, Plots.niceStep(0.2, 12), 1e-12);
    }

    @Test
    void broadcastCoverageKeepsTheWholeRunWhenBroadcastsFillHalfOfIt() {
        TimelineView v = lateBroadcasts(520, 1000);
        assertTrue(v.broadcastWindow().wholeRun());
        assertEquals("", RunFigures.windowText(v));
        assertEquals(v.wholeRun(), v.broadcastWindow());
    }

    @Test
    void noTimelineWithoutTwoSamples() throws Exception {
        assertTrue(TimelineView.of(RunData.load(Fixtures.singlePoint(dir))).isEmpty());
        Fixtures.write(dir, "timeline.csv", Fixtures.TIMELINE_HEADER, "0,scamp,0,0.0,4,2.0,1,3,2.0,2.77");
        assertTrue(TimelineView.of(RunData.load(dir)).isEmpty());
    }

    @Test
    void longEventLabelsAreShortened() {
        EventRow e = new EventRow(0, "scamp", 0, 1, "partition", "regions eu-west,us-east,ap-south for 10s");
        assertEquals("partition at 0.001 s", e.label(), "the action and when, not a detail cut mid-value");
    }
}
