package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    @TempDir
    Path dir;

    /**
     * The report of a hand-written fixture, read as it is: the fixtures hold a few rows each, worked
     * out on paper, not every row their summary counts, which {@link RunReport#build(Path)} would
     * refuse ({@link RunCompletenessTest} checks that).
     */
    private static ReportResult report(Path runDir) throws IOException {
        return RunReport.build(RunData.load(runDir));
    }

    private static List<String> names(ReportResult result) {
        return result.charts().stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void timelineRunGetsDistributionAndTimelineChartsButNoSweepCharts() throws Exception {
        ReportResult result = report(Fixtures.withTimeline(dir));
        assertEquals(List.of("coverage-over-time.png", "partialview-histogram.png",
                "inview-histogram.png", "messages-per-node.png", "duplicate-ratio.png", "latency-cdf.png",
                "timeline-view-sizes.png", "timeline-live-nodes.png", "timeline-broadcast-coverage.png"),
                names(result));
        assertEquals(dir.resolve("index.html"), result.indexHtml());
    }

    /**
     * A run of one point has no reliability chart: its summary says what the InView sizes predict.
     * SCAMP's copies: 15 of 28 reached a live node (q = 13/28); InViews rep 0 {3, 2, 2, 3}, rep 1
     * {2, 3, 2} (the crashed node left out): (1 − q³)²(1 − q²)² and (1 − q²)²(1 − q³), mean 52.60 %.
     */
    @Test
    void aSinglePointSummarySaysWhatTheInViewsPredict() throws Exception {
        report(Fixtures.singlePoint(dir));
        String html = Files.readString(dir.resolve("index.html"));
        int row = html.indexOf(RunReport.PREDICTION_ROW);
        assertTrue(row > html.indexOf("Reliability (broadcasts reaching all)"), "after the measured reliability");
        String rest = html.substring(row, html.indexOf("</tr>", row));
        assertTrue(rest.contains("52.60 %") && rest.contains("46.43 % of copies lost")
                && rest.contains("0.581 nodes expected to miss"), rest);
        assertTrue(html.contains("a node is taken to miss a broadcast only when the copies from every node"), html);
        report(Fixtures.lossSweep(dir.resolve("sweep")));
        assertFalse(Files.readString(dir.resolve("sweep").resolve("index.html")).contains(RunReport.PREDICTION_ROW),
                "a sweep draws it per point on its reliability chart");
    }

    @Test
    void runWithoutTimelineSamplesGetsFewerCharts() throws Exception {
        List<String> charts = names(report(Fixtures.singlePoint(dir)));
        assertFalse(charts.stream().anyMatch(n -> n.startsWith("timeline-")), charts.toString());
        assertFalse(charts.stream().anyMatch(n -> n.startsWith("reliability-")), charts.toString());
        assertTrue(charts.contains("coverage-over-time.png"));
    }

    @Test
    void sweepsAddReliabilityAndScalingCharts() throws Exception {
        assertTrue(names(report(Fixtures.sweepOverC(dir.resolve("c"))))
                .contains("reliability-vs-c.png"));
        List<String> nodes = names(report(Fixtures.sweepOverNodes(dir.resolve("n"))));
        assertTrue(nodes.contains("reliability-vs-nodes.png"));
        assertTrue(nodes.contains("partialview-vs-nodes.png"));
    }

    @Test
    void everyChartIsAPngOf1200By800() throws Exception {
        ReportResult result = report(Fixtures.withTimeline(dir));
        assertFalse(result.charts().isEmpty());
        for (Path png : result.charts()) {
            BufferedImage image = ChartDump.image(png);
            assertEquals(1200, image.getWidth(), png.toString());
            assertEquals(800, image.getHeight(), png.toString());
        }
    }

    @Test
    void indexShowsEveryChartWrittenAndOnlyFilesThatExist() throws Exception {
        ReportResult result = report(Fixtures.withTimeline(dir));
        String html = Files.readString(result.indexHtml(), StandardCharsets.UTF_8);
        List<String> sources = ChartDump.imageSources(html);
        assertEquals(names(result), sources);
        for (String src : sources) {
            assertTrue(Files.isRegularFile(dir.resolve(src)), src);
        }
    }

    @Test
    void indexIsSelfContained() throws Exception {
        String html = Files.readString(report(Fixtures.sweepOverC(dir)).indexHtml());
        assertFalse(html.contains("http://") || html.contains("https://"), "external URL in page");
        assertFalse(html.contains("<script") || html.contains("<link"), "external resource in page");
        assertTrue(html.contains("<style>"));
    }

    @Test
    void indexHasEscapedTitleYamlAndSummaryFigures() throws Exception {
        String html = Files.readString(report(Fixtures.singlePoint(dir)).indexHtml());
        assertTrue(html.contains("<title>tiny &lt;run&gt;</title>"), html);
        assertTrue(html.contains("<pre>name: tiny &lt;run&gt;\nnodes: 4\nc: 1\nnote: &quot;a &amp; b&quot;\n</pre>"),
                html);
        assertTrue(html.contains("<th>Reliability (broadcasts reaching all)</th><td class=\"num\">50.00 %</td>"));
        assertTrue(html.contains("<td class=\"num\">20.0 ms</td>"), "t99");
        assertTrue(html.contains("<th>Latency t100</th><td class=\"num\">–</td>"), "null t100");
        assertTrue(html.contains("2.50 vs 2.77"), "PV mean vs expected");
        assertTrue(html.contains("<th>Messages per node</th><td class=\"num\">3.5</td>"), "messages");
        assertTrue(html.contains("<th>Duplicate ratio</th><td class=\"num\">0.250</td>"), "duplicates");
        assertTrue(html.contains("<th>Seed</th><td class=\"num\">7</td>"));
        assertTrue(html.contains("one colour per membership (SCAMP and the global-knowledge baseline): "
                + "the line is the median over 3 SCAMP broadcasts, 1 baseline broadcast (every repetition)"),
                "coverage caption");
    }

    @Test
    void coverageCaptionsSayWhichLiveNodesTheyCount() throws Exception {
        // Not the nodes live at some moment: those live when the broadcast was sent and still live at the end.
        String which = "live nodes (those live when it was sent and still live at the end)";
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        assertTrue(RunFigures.coverageOverTime(run).orElseThrow().caption().startsWith("Fraction of " + which));
        assertTrue(RunFigures.latency(run).orElseThrow().caption().contains("100 % (solid) of their " + which));
        assertTrue(SweepFigures.coverageCaption(Sweep.of(RunData.load(Fixtures.sweepOverC(dir.resolve("s")))
                .points()).orElseThrow(), "").startsWith("Fraction of the " + which));
        String html = Files.readString(report(dir).indexHtml());
        assertTrue(html.contains("Coverage is the fraction of live nodes a broadcast reached, counting the nodes "
                + "live when it was sent that are still live at the end (its origin too, if it is)"), html);
    }

    @Test
    void largeCountsHaveThousandsSeparators() throws Exception {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "summary.json", Fixtures.summary("big", 100000, 1)
                .replace("\"events\": 100", "\"events\": 6591020"));
        String html = Files.readString(report(dir).indexHtml());
        assertTrue(html.contains("<th>Simulated events</th><td class=\"num\">6,591,020</td>"), html);
        assertTrue(html.contains("<th>Nodes</th><td class=\"num\">100,000</td>"), html);
    }

    @Test
    void captionsAndLabelsGroupThousandsToo() throws Exception {
        Fixtures.singlePoint(dir);
        List<String> nodes = new ArrayList<>(List.of(Fixtures.NODES_HEADER));
        List<String> broadcasts = new ArrayList<>(List.of(Fixtures.BROADCASTS_HEADER));
        for (int i = 0; i < 1000; i++) {
            nodes.add("0,scamp,0,n" + i + ",true,2,2,3,3");
            broadcasts.add("0,scamp,0," + i + ",n0,100.0,1000,1000,1.0,true,10.0,20.0,20.0,3,12,4");
        }
        Fixtures.write(dir, "nodes.csv", nodes.toArray(String[]::new));
        Fixtures.write(dir, "broadcasts.csv", broadcasts.toArray(String[]::new));
        RunData run = RunData.load(dir);
        Figure histogram = ViewSizeFigures.histograms(run).get(0);
        assertTrue(histogram.caption().contains("n = 1,000 live nodes"), histogram.caption());
        String latency = RunFigures.latency(run).orElseThrow().caption();
        assertTrue(latency.startsWith("Share of the 1,000 broadcasts "), latency);

        RunData sweep = RunData.load(Fixtures.sweepOverNodes(dir));
        assertEquals("point 2 (nodes=10,000)", RunFigures.pointName(sweep, 2));
        assertEquals("churn at 2,010 s",
                new EventRow(0, "scamp", 0, 2_010_000, "churn", "joinsPerSecond=5 leavesPerSecond=5").label());
    }

    @Test
    void aRunWithoutBroadcastsHasNoDuplicateRatio() throws Exception {
        String html = Files.readString(report(Fixtures.noBroadcasts(dir)).indexHtml());
        assertTrue(html.contains("<th>Duplicate ratio</th><td class=\"num\">–</td>"), html);
        assertFalse(html.contains("0.000"), html);
        // The per-point table: view sizes with two decimals, messages with one, no ratio.
        assertEquals(List.of("100", "scamp", "1", "100", "–", "–", "–", "8.89", "9.21", "68.1", "–", "–", "–"),
                PointTable.rows(RunData.load(dir).points()).get(0));
    }

    /**
     * Every node crashed (or left) before the end: no view to measure, so summary.json has no view
     * means and points.csv empty ones, as the simulator writes them. The report refused the run
     * ("column 'pv_mean' is empty") after sim run had printed its summary with "-" there.
     */
    @Test
    void aRunThatEndsWithNoLiveNodeShowsNoViewFiguresInsteadOfFailing() throws Exception {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "summary.json", Fixtures.summary("all-crashed", 4, 1)
                .replace("\"mean\": 2.5, \"expected\": 2.77, \"min\": 2, \"max\": 3, \"stddev\": 0.5",
                        "\"mean\": null, \"expected\": 0.0, \"min\": null, \"max\": null, \"stddev\": null")
                .replace("\"mean\": 2.5, \"min\": 2, \"max\": 3, \"stddev\": 0.5",
                        "\"mean\": null, \"min\": null, \"max\": null, \"stddev\": null"));
        List<String> nodes = new ArrayList<>(List.of(Fixtures.NODES_HEADER));
        Files.readAllLines(dir.resolve("nodes.csv")).stream().skip(1)
                .map(line -> line.replace(",true,", ",false,")).forEach(nodes::add);
        Fixtures.write(dir, "nodes.csv", nodes.toArray(String[]::new));
        Fixtures.write(dir, "points.csv", Fixtures.POINTS_HEADER,
                "0,,,scamp,2,4,1,0.833,0.5,0.667,0.471,,0.0,,3.43,0.3,15.0,15.0",
                "0,,,global,1,4,1,1.0,1.0,1.0,0.0,,0.0,,6.0,0.2,10.0,10.0");
        String html = Files.readString(report(dir).indexHtml());
        assertTrue(html.contains("<th>InView mean</th><td class=\"num\">–</td>"), html);
        assertTrue(html.contains("<td class=\"num\">– vs 0.00</td>"), html);
    }

    @Test
    void aScampOnlyRunOfOneRepetitionSaysThisRunAndNamesScamp() throws Exception {
        scampOnly();
        List<Figure> figures = RunFigures.of(RunData.load(dir));
        String histogram = figures.stream().filter(f -> f.fileName().equals("partialview-histogram.png"))
                .findFirst().orElseThrow().caption();
        assertTrue(histogram.contains("(the nodes a node gossips to; this run, n = 4 live nodes, c = 1; "),
                histogram);
        for (Figure f : figures) {
            assertFalse(f.caption().contains("one colour per membership"), f.caption());
            assertFalse(f.caption().contains("repetition(s)"), f.caption());
            assertFalse(f.caption().contains("point 0"), f.caption());
        }
        String coverage = figures.get(0).caption();
        assertTrue(coverage.contains("sent, for SCAMP: the line is the median over 2 SCAMP broadcasts, "
                + "the band"), coverage);
        String liveNodes = figures.stream().filter(f -> f.fileName().equals("timeline-live-nodes.png"))
                .findFirst().orElseThrow().caption();
        assertTrue(liveNodes.startsWith("Number of live nodes over the run; thin grey lines"), liveNodes);
    }

    @Test
    void duplicateCaptionGivesTheExpectedRatioAndTheShareLost() throws Exception {
        scampOnly();
        Fixtures.write(dir, "summary.json", Fixtures.summary("lossy", 4, 1)
                .replace("\"events\": 100", "\"drops\": { \"network\": { \"LOSS\": 7 } }, \"events\": 100"));
        String caption = RunFigures.duplicateRatio(RunData.load(dir)).orElseThrow().caption();
        // pv mean 2.43: 1 − 1/2.43 = 0.588; 7 of 28 messages lost: 1 − 0.25 − 1/2.43 = 0.338.
        assertTrue(caption.contains("with SCAMP's mean PartialView of 2.4 that is about 0.59."), caption);
        assertTrue(caption.contains("sent to a crashed node) counts as sent but is neither a first copy nor a "
                + "duplicate, which lowers the measured ratio: the network lost 25.00 % of all messages"), caption);
        assertTrue(caption.contains("here about 0.34."), caption);
        assertFalse(caption.contains("with fanout F every node receives"), caption);
    }

    @Test
    void duplicateCaptionOfASweepGivesTheRangeOfExpectedRatios() throws Exception {
        String caption = RunFigures.duplicateRatio(RunData.load(Fixtures.sweepOverNodes(dir)))
                .orElseThrow().caption();
        // 1 − 1/9 = 0.89, 1 − 1/18.5 = 0.95; the fixture's summary has no drop counts.
        assertTrue(caption.contains("mean PartialView of 9.0 to 18.5 across the points that is about 0.89 to "
                + "0.95."), caption);
        assertFalse(caption.contains("network lost"), caption);
    }

    @Test
    void duplicateCaptionOfACrashSweepSaysAboutOnceAndGivesEachMembershipsRange() throws Exception {
        String caption = RunFigures.duplicateRatio(RunData.load(Fixtures.crashSweep(dir)))
                .orElseThrow().caption();
        // SCAMP's mean PartialView is 10.0 at both points: 1 − 1/10 = 0.90 once, not "0.90 to 0.90".
        assertTrue(caption.contains("with SCAMP's mean PartialView of 10.0 that is about 0.90."), caption);
        assertFalse(caption.contains("0.90 to 0.90"), caption);
        // Measured: SCAMP 0.9 and 0.8, the baseline 0.9 at both points.
        assertTrue(caption.contains("Measured across the points: SCAMP 0.80 to 0.90, baseline about 0.90."),
                caption);
    }

    @Test
    void duplicateExpectationRangeCollapsesWhenBothEndsRoundAlike() {
        assertEquals("about 0.94", DuplicateExpectation.range("0.94", "0.94"));
        assertEquals("about 0.89 to 0.95", DuplicateExpectation.range("0.89", "0.95"));
    }

    @Test
    void duplicateRatioBarsAreNamedByTheSweptValueAndTheAxisByTheParameter() throws Exception {
        RunData run = RunData.load(Fixtures.crashSweep(dir));
        CategoryPlot plot = (CategoryPlot) RunFigures.duplicateRatio(run).orElseThrow().chart().getPlot();
        assertEquals(List.of("0", "0.5"), plot.getDataset().getColumnKeys());
        XYPlot reliability = (XYPlot) SweepFigures.reliability(run).orElseThrow().chart().getPlot();
        assertEquals(reliability.getDomainAxis().getLabel(), plot.getDomainAxis().getLabel());
        assertTrue(plot.getDomainAxis().getLabel().contains("timeline.1.fraction"),
                plot.getDomainAxis().getLabel());
    }

    /** {@link Fixtures#singlePoint} reduced to SCAMP's first repetition. */
    private void scampOnly() {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER,
                "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,10.0,3,0.75", "0,scamp,0,0,20.0,4,1.0",
                "0,scamp,0,1,0.0,1,0.25", "0,scamp,0,1,10.0,2,0.5");
        Fixtures.write(dir, "broadcasts.csv", Fixtures.BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,4",
                "0,scamp,0,1,n2,200.0,4,2,0.5,false,10.0,,,2,6,1");
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER,
                "0,scamp,0,n0,true,2,3,3,5", "0,scamp,0,n1,true,3,2,4,5",
                "0,scamp,0,n2,true,3,2,5,5", "0,scamp,0,n3,true,2,3,4,5");
        Fixtures.write(dir, "timeline.csv", Fixtures.TIMELINE_HEADER,
                "0,scamp,0,0.0,4,2.0,1,3,2.0,2.77", "0,scamp,0,100.0,3,2.5,2,3,2.4,2.19");
        Fixtures.write(dir, "events.csv", Fixtures.EVENTS_HEADER, "0,scamp,0,50.0,crash,n3");
        Fixtures.write(dir, "points.csv", Fixtures.POINTS_HEADER,
                "0,,,scamp,1,4,1,0.833,0.5,0.5,0.0,2.43,2.77,2.43,3.43,0.3,15.0,15.0");
    }

    @Test
    void missingScenarioYamlIsRefusedByTheReportAndSaidOnAPageOfARunReadWithoutIt() throws Exception {
        Fixtures.singlePoint(dir);
        Files.delete(dir.resolve("scenario.yaml"));
        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertEquals(dir.resolve("scenario.yaml"), e.file());
        assertTrue(e.getMessage().contains("file is missing"), e.getMessage());
        String html = Files.readString(report(dir).indexHtml());
        assertFalse(html.contains("<pre>"));
        assertTrue(html.contains("scenario.yaml was not found"));
    }

    @Test
    void buildingTwiceGivesTheSameIndexAndTheSameDatasetValues() throws Exception {
        Fixtures.withTimeline(dir);
        String first = Files.readString(report(dir).indexHtml());
        List<String> firstValues = RunFigures.of(RunData.load(dir)).stream()
                .map(f -> ChartDump.values(f.chart())).toList();
        String second = Files.readString(report(dir).indexHtml());
        List<String> secondValues = RunFigures.of(RunData.load(dir)).stream()
                .map(f -> ChartDump.values(f.chart())).toList();
        assertEquals(first, second);
        assertEquals(firstValues, secondValues);
        assertTrue(firstValues.stream().allMatch(v -> !v.isEmpty()), "every chart has data");
    }

    @Test
    void rebuildingIntoTheFolderRemovesThePreviousReportsChartsAndNothingElse() throws Exception {
        report(Fixtures.sweepOverC(dir));
        assertTrue(Files.exists(dir.resolve("reliability-vs-c.png")), "test setup: the sweep drew its chart");
        Fixtures.write(dir, "my-notes.png", "a file of the user's");
        Fixtures.write(dir, "notes.txt", "another");

        ReportResult second = report(Fixtures.singlePoint(dir));

        assertFalse(Files.exists(dir.resolve("reliability-vs-c.png")), "the sweep's chart is gone");
        assertFalse(Files.exists(dir.resolve("coverage-vs-c.png")), "the sweep's chart is gone");
        for (Path chart : second.charts()) {
            assertTrue(Files.isRegularFile(chart), chart + " is written again");
        }
        assertTrue(Files.exists(dir.resolve("my-notes.png")), "a PNG the report did not write stays");
        assertTrue(Files.exists(dir.resolve("notes.txt")), "other files stay");
        assertTrue(Files.exists(dir.resolve("points.csv")), "result files stay");
    }

    @Test
    void chartListNamesTheChartsWrittenAndCannotReachOutsideTheFolder() throws Exception {
        ReportResult result = report(Fixtures.singlePoint(dir.resolve("run")));
        Path list = dir.resolve("run").resolve(ReportFiles.CHART_LIST);
        List<String> listed = Files.readAllLines(list).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(names(result), listed);

        Fixtures.write(dir, "outside.png", "not the report's");
        Fixtures.write(dir.resolve("run"), ReportFiles.CHART_LIST, "../outside.png", "points.csv", ".png");
        report(dir.resolve("run"));
        assertTrue(Files.exists(dir.resolve("outside.png")), "a name outside the folder is skipped");
        assertTrue(Files.exists(dir.resolve("run").resolve("points.csv")), "a name that is no PNG is skipped");
    }

    @Test
    void malformedRowFailsNamingFileAndLineAndWritesNothing() {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER,
                "0,scamp,0,n0,true,2,3,3,5", "0,scamp,0,n1,true,three,2,4,5");
        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertTrue(e.getMessage().contains("nodes.csv:3"), e.getMessage());
        assertTrue(e.getMessage().contains("'partial_view'"), e.getMessage());
        assertEquals(dir.resolve("nodes.csv"), e.file());
        assertFalse(Files.exists(dir.resolve("index.html")));
        assertFalse(Files.exists(dir.resolve("coverage-over-time.png")));
    }

    @Test
    void missingRequiredFileOrColumnIsNamed() throws Exception {
        Fixtures.singlePoint(dir);
        Files.delete(dir.resolve("points.csv"));
        ReportException missing = assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertTrue(missing.getMessage().contains("points.csv") && missing.getMessage().contains("missing"),
                missing.getMessage());

        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "broadcasts.csv", "point,membership,repetition", "0,scamp,0");
        ReportException column = assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertTrue(column.getMessage().contains("broadcasts.csv:1")
                && column.getMessage().contains("missing required column 'broadcast'"), column.getMessage());
    }

    @Test
    void missingRunFolderIsReported() {
        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void runWithoutBroadcastsGetsMembershipChartsAndSaysWhyTheOthersAreMissing() throws Exception {
        ReportResult result = report(Fixtures.noBroadcasts(dir));
        assertEquals(List.of("messages-per-node-vs-nodes.png", "partialview-histogram.png", "inview-histogram.png",
                "partialview-vs-nodes.png", "messages-per-node.png"), names(result));
        String html = Files.readString(result.indexHtml(), StandardCharsets.UTF_8);
        assertTrue(html.contains(Html.escape(RunReport.NO_BROADCASTS)), html);
        assertTrue(html.contains("<th>Reliability (broadcasts reaching all)</th><td class=\"num\">–</td>"));
        assertEquals(names(result), ChartDump.imageSources(html));
    }

    @Test
    void runWithBroadcastsDoesNotSayItHasNone() throws Exception {
        String html = Files.readString(report(Fixtures.singlePoint(dir)).indexHtml());
        assertFalse(html.contains(Html.escape(RunReport.NO_BROADCASTS)));
    }

    @Test
    void sweepPageHasAPerPointTableWithTheSweptValues() throws Exception {
        String html = Files.readString(report(Fixtures.crashSweep(dir)).indexHtml());
        assertTrue(html.contains("<h2>Per point</h2>"), html);
        assertTrue(html.contains("<th>timeline.1.fraction</th><th>membership</th>"), html);
        // Point 0.5, SCAMP: reliability 50 % ± 0.5/√3 = 28.87 %.
        assertTrue(html.contains("<tr><th>0.5</th><td class=\"num\">scamp</td><td class=\"num\">4</td>"
                + "<td class=\"num\">100</td><td class=\"num\">90.00 %</td>"
                + "<td class=\"num\">50.00 %</td><td class=\"num\">28.87 %</td>"), html);
        Path one = Fixtures.singlePoint(dir.resolve("one"));
        Fixtures.write(one, "points.csv", Fixtures.POINTS_HEADER,
                "0,,,scamp,2,4,1,0.833,0.5,0.667,0.471,2.43,2.77,2.43,3.43,0.3,15.0,15.0");
        assertFalse(Files.readString(report(one).indexHtml()).contains("Per point"));
    }

    @Test
    void crashSweepChartsReliabilityWithTheoryAndCoverageAgainstTheFraction() throws Exception {
        RunData run = RunData.load(Fixtures.crashSweep(dir));
        List<Figure> figures = RunFigures.of(run);
        List<String> files = figures.stream().map(Figure::fileName).toList();
        assertTrue(files.contains("reliability-vs-timeline-1-fraction.png"), files.toString());
        assertTrue(files.contains("coverage-vs-timeline-1-fraction.png"), files.toString());
        Figure reliability = figures.get(files.indexOf("reliability-vs-timeline-1-fraction.png"));
        assertEquals(List.of("scamp", "global"), ChartDump.seriesKeys(reliability.chart(), 0));
        assertEquals(List.of(ReliabilityCurves.theoryLabel("scamp"), ReliabilityCurves.theoryLabel("global")),
                ChartDump.seriesKeys(reliability.chart(), 1));
        assertTrue(reliability.caption().contains("4 repetitions"), reliability.caption());
        assertTrue(reliability.caption().contains("exp(−e^(−k))"), reliability.caption());
    }

    /** Messages sent per node against the swept loss, one series per membership, from points.csv. */
    @Test
    void lossSweepChartsEachMembershipsMessagesPerNode() throws Exception {
        Figure messages = RunFigures.of(RunData.load(Fixtures.lossSweep(dir))).stream()
                .filter(f -> f.fileName().equals("messages-per-node-vs-network-loss.png")).findFirst()
                .orElseThrow();
        assertEquals(List.of("scamp", "global"), ChartDump.seriesKeys(messages.chart(), 0));
        XYDataset data = ((XYPlot) messages.chart().getPlot()).getDataset(0);
        double[][] expected = {{0, 10, 0.5, 8, 0.9, 0}, {0, 10, 0.5, 12}};
        for (int series = 0; series < 2; series++) {
            assertEquals(expected[series].length / 2, data.getItemCount(series));
            for (int i = 0; i < data.getItemCount(series); i++) {
                assertEquals(expected[series][2 * i], data.getXValue(series, i), 1e-12);
                assertEquals(expected[series][2 * i + 1], data.getYValue(series, i), 1e-12);
            }
        }
        assertTrue(messages.caption().contains("one colour per membership"), messages.caption());
    }

    /**
     * The loss sweep's reliability chart has, as its third dataset, SCAMP's prediction from its
     * InViews at each point with one (see {@link Fixtures#lossSweep}): hollow triangles on a
     * dotted line in SCAMP's colour, explained in the caption.
     */
    @Test
    void lossSweepChartsScampsPredictionFromItsInViews() throws Exception {
        List<Figure> figures = RunFigures.of(RunData.load(Fixtures.lossSweep(dir)));
        Figure reliability = figures.stream()
                .filter(f -> f.fileName().equals("reliability-vs-network-loss.png")).findFirst()
                .orElseThrow();
        XYPlot plot = (XYPlot) reliability.chart().getPlot();
        assertEquals(3, plot.getDatasetCount(), "measured, theory, prediction");
        assertEquals(List.of("scamp, predicted from InView sizes and copies lost"),
                ChartDump.seriesKeys(reliability.chart(), 2));
        XYDataset prediction = plot.getDataset(2);
        assertEquals(2, prediction.getItemCount(0));
        assertEquals(0.0, prediction.getXValue(0, 0), 1e-12);
        assertEquals(0.5, prediction.getYValue(0, 0), 1e-12);
        assertEquals(0.5, prediction.getXValue(0, 1), 1e-12);
        assertEquals((0.5 * 0.75 * 0.875 + 0.75 * 0.75 * 0.5 * 0.9375) / 2,
                prediction.getYValue(0, 1), 1e-12);
        var renderer = (XYLineAndShapeRenderer) plot.getRenderer(2);
        assertEquals(ChartTheme.color(0), renderer.getSeriesPaint(0), "SCAMP's colour");
        assertFalse(renderer.getSeriesShapesFilled(0), "hollow");
        assertEquals(3, ((Polygon) renderer.getSeriesShape(0)).npoints, "a triangle");
        float[] dashes = ((BasicStroke) renderer.getSeriesStroke(0)).getDashArray();
        float[] theoryDashes = ((BasicStroke) ((XYLineAndShapeRenderer) plot.getRenderer(1))
                .getSeriesStroke(0)).getDashArray();
        assertTrue(dashes != null && !Arrays.equals(dashes, theoryDashes),
                "dotted, not dashed like the theory");
        String caption = reliability.caption();
        assertTrue(caption.contains("q^i") && caption.contains("empty InView always misses")
                && caption.contains("product") && caption.contains("not a bound"), caption);
    }

    @Test
    void categoricalSweepIsDrawnOnAnAxisLabelledWithTheWords() throws Exception {
        List<Figure> figures = RunFigures.of(RunData.load(Fixtures.categoricalSweep(dir)));
        Figure reliability = figures.stream()
                .filter(f -> f.fileName().equals("reliability-vs-timeline-0-contacts.png")).findFirst()
                .orElseThrow();
        org.jfree.chart.plot.XYPlot plot = (org.jfree.chart.plot.XYPlot) reliability.chart().getPlot();
        org.jfree.chart.axis.SymbolAxis axis = (org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis();
        assertEquals(List.of("uniform", "single"), List.of(axis.getSymbols()));
        assertEquals(-0.5, axis.getLowerBound(), 1e-12);
        assertEquals(1.5, axis.getUpperBound(), 1e-12);
        assertTrue(figures.stream().anyMatch(f -> f.fileName().equals("coverage-vs-timeline-0-contacts.png")));
        assertTrue(figures.stream().anyMatch(f -> f.fileName().equals("duplicate-ratio.png")));
        ReportResult result = report(dir);
        for (Path png : result.charts()) {
            assertEquals(1200, ChartDump.image(png).getWidth(), png.toString());
        }
    }
}
