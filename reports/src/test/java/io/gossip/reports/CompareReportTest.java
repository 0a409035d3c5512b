package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
    @TempDir
    Path dir;

    private Path run(String folder, String scenario) {
        Path runDir = Fixtures.sweepOverC(dir.resolve(folder));
        Fixtures.write(runDir, "summary.json", Fixtures.summary(scenario, 4, 1));
        return runDir;
    }

    /** A run folder that holds every row its files count, as CompareReport.build requires. */
    private Path completeRun(String folder, String scenario) {
        return Fixtures.completeRun(dir.resolve(folder), scenario);
    }

    @Test
    void runsAreNamedByScenarioWithTheFolderWhenScenariosClash() throws Exception {
        List<RunData> runs = List.of(RunData.load(run("a", "loss-10")), RunData.load(run("b", "loss-10")),
                RunData.load(run("c", "baseline")));
        assertEquals(List.of("loss-10 (a)", "loss-10 (b)", "baseline"), labels(runs));
    }

    @Test
    void identicalScenarioAndFolderNamesAreToldApartByTheShortestEndOfTheirPaths() throws Exception {
        List<RunData> runs = List.of(RunData.load(run("x/same", "s")), RunData.load(run("y/same", "s")),
                RunData.load(run("x/other/same", "s")));
        assertEquals(List.of("s (x/same)", "s (y/same)", "s (other/same)"), labels(runs));
    }

    @Test
    void runsOfOneScenarioNameAreToldApartByTheKeysInWhichTheyDiffer() throws Exception {
        Path low = run("a", "s");
        Fixtures.write(low, "scenario.yaml", "name: s", "nodes: 4", "network:", "  loss: 0.1");
        Path high = run("b", "s");
        Fixtures.write(high, "scenario.yaml", "name: s", "nodes: 4", "network:", "  loss: 0.20");
        Path other = run("c", "t");
        Fixtures.write(other, "scenario.yaml", "name: t", "nodes: 8");
        List<RunData> runs = List.of(RunData.load(low), RunData.load(high), RunData.load(other));
        assertEquals(List.of("s (network.loss=0.1)", "s (network.loss=0.2)", "t"), labels(runs));
    }

    private static List<String> labels(List<RunData> runs) {
        return ComparedRun.of(runs).stream().map(ComparedRun::label).toList();
    }

    @Test
    void eachChartHasOneSeriesPerRunUsingItsScampData() throws Exception {
        List<RunData> runs = List.of(RunData.load(run("a", "first")), RunData.load(run("b", "second")));
        List<Figure> figures = CompareFigures.of(ComparedRun.of(runs));
        assertEquals(List.of("compare-coverage-over-time.png", "compare-reliability-vs-c.png",
                "compare-coverage-vs-c.png", "compare-messages-per-node-vs-c.png",
                "compare-partialview-histogram.png", "compare-inview-histogram.png",
                "compare-latency-cdf.png"), figures.stream().map(Figure::fileName).toList());
        assertEquals(List.of("first", "second"), ChartDump.seriesKeys(figures.get(0).chart(), 0));
        assertEquals(List.of("first", "second"), ChartDump.seriesKeys(figures.get(1).chart(), 0));
        assertEquals(List.of("first", "second"), ChartDump.seriesKeys(figures.get(2).chart(), 0));
        assertEquals(List.of("first", "second"), ChartDump.seriesKeys(figures.get(3).chart(), 0));
        assertEquals(List.of("first t99", "first t100", "second t99", "second t100"),
                ChartDump.seriesKeys(figures.get(6).chart(), 0));
        // Final coverage of the SCAMP broadcasts (1.0, 0.5 and 1.0 at c = 0), not the baseline's 1.0.
        org.jfree.data.xy.IntervalXYDataset coverage = (org.jfree.data.xy.IntervalXYDataset)
                ((XYPlot) figures.get(2).chart().getPlot()).getDataset(0);
        assertEquals(1, coverage.getItemCount(0));
        assertEquals(0.0, coverage.getXValue(0, 0), 1e-12);
        assertEquals(2.5 / 3, coverage.getYValue(0, 0), 1e-12);
        assertEquals(0.55, coverage.getStartYValue(0, 0), 1e-12); // 5th percentile of 0.5, 1, 1, interpolated
        assertTrue(figures.get(2).caption().contains("each run in its own colour"), figures.get(2).caption());
        // SCAMP rows only: three SCAMP broadcasts, coverage median at 10 ms is 0.75.
        assertEquals(0.75, ((org.jfree.chart.plot.XYPlot) figures.get(0).chart().getPlot())
                .getDataset(0).getYValue(0, 1), 1e-12);
    }

    @Test
    void reliabilityAxisNamesTheParameterAsTheRunChartDoes() throws Exception {
        Path crash = Fixtures.crashSweep(dir.resolve("crash"));
        Fixtures.write(crash, "scenario.yaml", "name: crash", "timeline:", "  - at: 0s",
                "    action: join", "  - at: 10s", "    action: crash", "    fraction: 0.5");
        RunData run = RunData.load(crash);
        String runLabel = ((XYPlot) SweepFigures.reliability(run).orElseThrow().chart().getPlot())
                .getDomainAxis().getLabel();
        assertEquals("swept parameter timeline.1.fraction (crash fraction)", runLabel);
        List<Figure> compared = CompareFigures.reliability(ComparedRun.of(List.of(run)));
        assertEquals(runLabel, ((XYPlot) compared.get(0).chart().getPlot()).getDomainAxis().getLabel());
    }

    @Test
    void eachRunHasItsTheoryAndItsScampRunsTheirPrediction() throws Exception {
        Path scamp = Fixtures.lossSweep(dir.resolve("scamp"));
        Fixtures.write(scamp, "summary.json", Fixtures.summary("with-scamp", 4, 1));
        // The comparison draws this run's baseline points: it has no SCAMP rows.
        Path global = Fixtures.lossSweepBaselineOnly(dir.resolve("global"));
        Fixtures.write(global, "summary.json", Fixtures.summary("baseline-only", 4, 1));
        List<RunData> runs = List.of(RunData.load(scamp), RunData.load(global));
        Figure figure = CompareFigures.reliability(ComparedRun.of(runs)).get(0);
        XYPlot plot = (XYPlot) figure.chart().getPlot();
        assertEquals(List.of("with-scamp", "baseline-only"), ChartDump.seriesKeys(figure.chart(), 0));
        assertEquals(List.of(ReliabilityCurves.theoryLabel("with-scamp"),
                ReliabilityCurves.theoryLabel("baseline-only")), ChartDump.seriesKeys(figure.chart(), 1));
        // Live fanout (reached - 1 + duplicates) / reached over 4 live nodes: SCAMP 2.5 at 0, the
        // mean of 1.25 and 1 at 0.5, 0 at 0.9; the baseline 3 at 0 and 2.75 at 0.5.
        double[][] theory = {{0, 0.5, 0.9}, {Math.exp(-4 * Math.exp(-2.5)), Math.exp(-4 * Math.exp(-1.125)),
                Math.exp(-4)}, {0, 0.5}, {Math.exp(-4 * Math.exp(-3)), Math.exp(-4 * Math.exp(-2.75))}};
        for (int run = 0; run < 2; run++) {
            double[] x = theory[2 * run];
            assertEquals(x.length, plot.getDataset(1).getItemCount(run));
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], plot.getDataset(1).getXValue(run, i), 1e-12);
                assertEquals(theory[2 * run + 1][i], plot.getDataset(1).getYValue(run, i), 1e-12);
            }
        }
        // A prediction for the SCAMP run only, the one its own chart draws (none at 0.9: no copy sent).
        assertEquals(List.of(ReliabilityCurves.predictionLabel("with-scamp")),
                ChartDump.seriesKeys(figure.chart(), 2));
        assertEquals(2, plot.getDataset(2).getItemCount(0));
        assertEquals(0.5, plot.getDataset(2).getYValue(0, 0), 1e-12);
        assertEquals((0.5 * 0.75 * 0.875 + 0.75 * 0.75 * 0.5 * 0.9375) / 2, plot.getDataset(2).getYValue(0, 1),
                1e-12);
        assertTrue(figure.caption().contains(SweepFigures.theoryText("the run's colour")), figure.caption());
        assertTrue(figure.caption().contains("predict that run's reliability from its InViews"), figure.caption());
        // Messages per node from each run's own rows: SCAMP's 10, 8 and 0; the baseline's 10 and 12.
        XYPlot messages = (XYPlot) CompareFigures.messagesVsParameter(ComparedRun.of(runs)).get(0)
                .chart().getPlot();
        assertEquals(List.of("with-scamp", "baseline-only"), List.of(messages.getDataset(0).getSeriesKey(0),
                messages.getDataset(0).getSeriesKey(1)));
        assertEquals(List.of(10.0, 8.0, 0.0), yValues(messages, 0));
        assertEquals(List.of(10.0, 12.0), yValues(messages, 1));
        assertEquals(0.9, messages.getDataset(0).getXValue(0, 2), 1e-12);
        // The baseline run alone: its theory, and neither triangles nor words about them.
        Figure alone = CompareFigures.reliability(ComparedRun.of(runs.subList(1, 2))).get(0);
        assertEquals(List.of(ReliabilityCurves.theoryLabel("baseline-only")), ChartDump.seriesKeys(alone.chart(), 1));
        assertEquals(2, ((XYPlot) alone.chart().getPlot()).getDatasetCount());
        assertFalse(alone.caption().contains("Hollow triangles"), alone.caption());
    }

    @Test
    void viewHistogramCaptionsNameThePointWithTheMostLiveNodes() throws Exception {
        List<Figure> views = CompareFigures.viewSizes(ComparedRun.of(List.of(RunData.load(run("a", "first")))));
        for (Figure f : views) {
            assertTrue(f.caption().contains("at the run's point with the most live SCAMP nodes"), f.caption());
            assertFalse(f.caption().contains("last point"), f.caption());
        }
    }

    @Test
    void oneReliabilityChartPerSweptParameterWithTheRunsOfOnePointThatSetIt() throws Exception {
        Path nodes = Fixtures.sweepOverNodes(dir.resolve("n"));
        Fixtures.write(nodes, "summary.json", Fixtures.summary("n-sweep", 4, 1));
        Path single = Fixtures.singlePoint(dir.resolve("s"));
        Fixtures.write(single, "summary.json", Fixtures.summary("single", 4, 1));
        Fixtures.write(single, "scenario.yaml", "name: single", "nodes: 4");
        List<RunData> runs = List.of(RunData.load(run("a", "c-sweep")), RunData.load(nodes),
                RunData.load(single));
        List<Figure> reliability = CompareFigures.reliability(ComparedRun.of(runs));
        assertEquals(List.of("compare-reliability-vs-c.png", "compare-reliability-vs-nodes.png"),
                reliability.stream().map(Figure::fileName).toList());
        assertEquals(List.of("c-sweep"), ChartDump.seriesKeys(reliability.get(0).chart(), 0));
        assertTrue(reliability.get(0).caption().contains("Left out: n-sweep: it swept nodes instead; single: its "
                + "scenario.yaml does not set c."), reliability.get(0).caption());
        assertEquals(List.of("n-sweep", "single"), ChartDump.seriesKeys(reliability.get(1).chart(), 0));
        assertEquals(4, ((XYPlot) reliability.get(1).chart().getPlot()).getDataset(0).getXValue(1, 0), 1e-12);
    }

    @Test
    void writesPngsOf1200By800AndAnIndexReferencingOnlyThem() throws Exception {
        Path out = dir.resolve("out");
        ReportResult result = CompareReport.build(List.of(completeRun("a", "first"), completeRun("b", "second")), out);
        for (Path png : result.charts()) {
            assertEquals(out, png.getParent());
            BufferedImage image = ChartDump.image(png);
            assertEquals(1200, image.getWidth());
            assertEquals(800, image.getHeight());
        }
        String html = Files.readString(result.indexHtml());
        List<String> sources = ChartDump.imageSources(html);
        assertEquals(result.charts().stream().map(p -> p.getFileName().toString()).toList(), sources);
        sources.forEach(src -> assertTrue(Files.isRegularFile(out.resolve(src)), src));
        assertTrue(html.contains("<th>first</th><th>second</th>"), html);
    }

    @Test
    void buildingTwiceGivesTheSameIndex() throws Exception {
        List<Path> runs = List.of(completeRun("a", "first"), completeRun("b", "second"));
        String first = Files.readString(CompareReport.build(runs, dir.resolve("out")).indexHtml());
        String second = Files.readString(CompareReport.build(runs, dir.resolve("out")).indexHtml());
        assertEquals(first, second);
    }

    @Test
    void fewerThanTwoRunsIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> CompareReport.build(List.of(), dir.resolve("out")));
        Path one = run("a", "first");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompareReport.build(List.of(one), dir.resolve("out")));
        assertEquals("a comparison needs at least two run folders, got 1 (" + one + ")", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aMalformedRunFailsNamingItsFile() {
        Path good = completeRun("a", "first");
        Path bad = completeRun("b", "second");
        Fixtures.write(bad, "points.csv", Fixtures.POINTS_HEADER, "0,c,0,scamp,5,100,0,0.95,0.8,high,"
                + "0.2,4.6,4.6,4.6,10,0.5,50.0,60.0");
        ReportException e = assertThrows(ReportException.class,
                () -> CompareReport.build(List.of(good, bad), dir.resolve("out")));
        assertEquals(bad.resolve("points.csv"), e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'reliability'"), e.getMessage());
    }

    @Test
    void categoricalAndNumericRunsOfOneParameterShareACategoryAxis() throws Exception {
        Path words = Fixtures.categoricalSweep(dir.resolve("w"));
        Path numbers = Fixtures.categoricalSweep(dir.resolve("n"));
        Fixtures.write(numbers, "points.csv", Fixtures.POINTS_HEADER,
                "0,timeline.0.contacts,1,scamp,4,100,1,1.0,1.0,0.25,0.0,10.0,9.21,10.0,20,0.9,50.0,60.0",
                "1,timeline.0.contacts,single,scamp,4,100,1,1.0,1.0,0.5,0.0,10.0,9.21,10.0,20,0.9,50.0,60.0");
        List<RunData> runs = List.of(RunData.load(words), RunData.load(numbers));
        List<Figure> reliability = CompareFigures.reliability(ComparedRun.of(runs));
        assertEquals(1, reliability.size());
        org.jfree.chart.plot.XYPlot plot = (org.jfree.chart.plot.XYPlot) reliability.get(0).chart().getPlot();
        org.jfree.chart.axis.SymbolAxis axis = (org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis();
        assertEquals(List.of("uniform", "single", "1"), List.of(axis.getSymbols()));
        double shift = ReliabilityCurves.CATEGORY_SHIFT / 2;
        // Second run, ordered by x: "single" is the second category, "1" the third.
        assertEquals(1 + shift, plot.getDataset(0).getXValue(1, 0), 1e-12);
        assertEquals(0.5, plot.getDataset(0).getYValue(1, 0), 1e-12);
        assertEquals(2 + shift, plot.getDataset(0).getXValue(1, 1), 1e-12);
        assertEquals(0.25, plot.getDataset(0).getYValue(1, 1), 1e-12);
        // Final coverage on the same axis: the second run's SCAMP broadcasts reached 1.0 and 0.8 at
        // "single" (point 1), 1.0 and 1.0 at "1" (point 0).
        List<Figure> coverage = CompareFigures.coverageVsParameter(ComparedRun.of(runs));
        XYPlot coveragePlot = (XYPlot) coverage.get(0).chart().getPlot();
        assertEquals(List.of("uniform", "single", "1"),
                List.of(((org.jfree.chart.axis.SymbolAxis) coveragePlot.getDomainAxis()).getSymbols()));
        assertEquals(1 + shift, coveragePlot.getDataset(0).getXValue(1, 0), 1e-12);
        assertEquals(0.9, coveragePlot.getDataset(0).getYValue(1, 0), 1e-12);
        assertEquals(2 + shift, coveragePlot.getDataset(0).getXValue(1, 1), 1e-12);
        assertEquals(1.0, coveragePlot.getDataset(0).getYValue(1, 1), 1e-12);
    }

    @Test
    void runsWithoutBroadcastsAddNoBroadcastCharts() throws Exception {
        Path quiet = Fixtures.noBroadcasts(dir.resolve("q"));
        List<Figure> alone = CompareFigures.of(ComparedRun.of(List.of(RunData.load(quiet))));
        // Its joins still cost messages: 68.13 and 65.495 per node at n = 100 and 200.
        assertEquals(List.of("compare-messages-per-node-vs-nodes.png", "compare-partialview-histogram.png",
                "compare-inview-histogram.png"), alone.stream().map(Figure::fileName).toList());
        assertEquals(List.of(68.13, 65.495), yValues((XYPlot) alone.get(0).chart().getPlot(), 0));
        ReportResult result = CompareReport.build(List.of(completeRun("a", "first"),
                Fixtures.completeQuietRun(dir.resolve("complete-quiet"), "quiet")), dir.resolve("out"));
        assertTrue(result.charts().stream().anyMatch(p -> p.endsWith("compare-latency-cdf.png")));
    }

    /** A single-point run (no network.loss in its scenario) given first, then a sweep of network.loss. */
    private List<RunData> singleThenLossSweep(String... scenarioYaml) throws Exception {
        Path single = Fixtures.singlePoint(dir.resolve("single"));
        Fixtures.write(single, "summary.json", Fixtures.summary("single", 4, 1));
        if (scenarioYaml.length > 0) {
            Fixtures.write(single, "scenario.yaml", scenarioYaml);
        }
        Path sweep = Fixtures.lossSweep(dir.resolve("sweep"));
        Fixtures.write(sweep, "summary.json", Fixtures.summary("loss-sweep", 4, 1));
        return List.of(RunData.load(single), RunData.load(sweep));
    }

    private static Color paint(JFreeChart chart, int dataset, int series) {
        return (Color) ((AbstractRenderer) ((XYPlot) chart.getPlot()).getRenderer(dataset)).getSeriesPaint(series);
    }

    @Test
    void aRunKeepsTheColourAndLabelOfItsPlaceOnEveryChart() throws Exception {
        List<Figure> figures = CompareFigures.of(ComparedRun.of(singleThenLossSweep()));
        Figure overTime = byName(figures, "compare-coverage-over-time.png");
        assertEquals(List.of("single", "loss-sweep"), ChartDump.seriesKeys(overTime.chart(), 0));
        assertEquals(ChartTheme.color(0), paint(overTime.chart(), 0, 0));
        assertEquals(ChartTheme.color(1), paint(overTime.chart(), 0, 1));
        // The sweep is alone on the charts against network.loss, and still the second run's colour.
        for (String name : List.of("compare-reliability-vs-network-loss.png", "compare-coverage-vs-network-loss.png",
                "compare-messages-per-node-vs-network-loss.png")) {
            JFreeChart chart = byName(figures, name).chart();
            assertEquals(List.of("loss-sweep"), ChartDump.seriesKeys(chart, 0), name);
            assertEquals(ChartTheme.color(1), paint(chart, 0, 0), name);
        }
        JFreeChart reliability = byName(figures, "compare-reliability-vs-network-loss.png").chart();
        assertEquals(ChartTheme.color(1), paint(reliability, 1, 0), "its theory");
        assertEquals(ChartTheme.color(1), paint(reliability, 2, 0), "its prediction");
        JFreeChart latency = byName(figures, "compare-latency-cdf.png").chart();
        assertEquals(ChartTheme.color(1), paint(latency, 0, 2));
        assertEquals(ChartTheme.color(1), paint(latency, 0, 3));
        JFreeChart histogram = byName(figures, "compare-partialview-histogram.png").chart();
        assertEquals(ChartTheme.color(1), paint(histogram, 0, 1));
        List<?> markers = List.copyOf(((XYPlot) histogram.getPlot()).getDomainMarkers(Layer.FOREGROUND));
        assertEquals(ChartTheme.color(1), ((ValueMarker) markers.get(1)).getPaint());
    }

    @Test
    void theTableNamesEachRunsColourAndMarker() throws Exception {
        List<ComparedRun> runs = ComparedRun.of(singleThenLossSweep());
        String html = CompareReport.page(runs, CompareFigures.of(runs));
        assertTrue(html.contains("<tr><th>Colour and marker</th><td class=\"num\">blue, filled square</td>"
                + "<td class=\"num\">vermillion, hollow square, 14 px</td></tr>"), html);
    }

    @Test
    void runsAreSquaresNotTheRunReportsMembershipDotAndRing() throws Exception {
        Path first = Fixtures.lossSweep(dir.resolve("first"));
        Path second = Fixtures.lossSweep(dir.resolve("second"));
        Fixtures.write(second, "summary.json", Fixtures.summary("second", 4, 1));
        List<Figure> figures = CompareFigures.of(ComparedRun.of(List.of(RunData.load(first), RunData.load(second))));
        for (String name : List.of("compare-reliability-vs-network-loss.png", "compare-coverage-vs-network-loss.png",
                "compare-messages-per-node-vs-network-loss.png")) {
            Figure figure = byName(figures, name);
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer)
                    ((XYPlot) figure.chart().getPlot()).getRenderer(0);
            for (int series = 0; series < 2; series++) {
                Rectangle2D square = (Rectangle2D) renderer.getSeriesShape(series);
                assertEquals(square.getWidth(), square.getHeight(), 1e-12, name);
                assertEquals(series == 0, renderer.getSeriesShapesFilled(series), name);
            }
            assertEquals(9, renderer.getSeriesShape(0).getBounds2D().getWidth(), 1e-12, name);
            assertEquals(14, renderer.getSeriesShape(1).getBounds2D().getWidth(), 1e-12, name);
            assertTrue(figure.caption().contains("own square marker"), figure.caption());
            assertTrue(figure.caption().contains("the run report's dot and ring, for SCAMP and the global "
                    + "baseline, are not used here"), figure.caption());
        }
    }

    @Test
    void aSinglePointRunIsOneMarkerAtItsValueOfTheSweptKey() throws Exception {
        List<Figure> figures = CompareFigures.of(ComparedRun.of(singleThenLossSweep("name: single",
                "network:", "  loss: 0.5")));
        Figure reliability = byName(figures, "compare-reliability-vs-network-loss.png");
        XYPlot plot = (XYPlot) reliability.chart().getPlot();
        assertEquals(List.of("single", "loss-sweep"), ChartDump.seriesKeys(reliability.chart(), 0));
        // The single run's SCAMP point: reliability 0.667 at its network.loss, 0.5.
        assertEquals(1, plot.getDataset(0).getItemCount(0));
        assertEquals(0.5, plot.getDataset(0).getXValue(0, 0), 1e-12);
        assertEquals(0.667, plot.getDataset(0).getYValue(0, 0), 1e-12);
        assertTrue(reliability.caption().contains("A run of one point is one marker at its value of network.loss "
                + "(from its scenario.yaml): single at 0.5."), reliability.caption());
        XYPlot coverage = (XYPlot) byName(figures, "compare-coverage-vs-network-loss.png").chart().getPlot();
        assertEquals(0.5, coverage.getDataset(0).getXValue(0, 0), 1e-12);
        assertEquals(2.5 / 3, coverage.getDataset(0).getYValue(0, 0), 1e-12);
        XYPlot messages = (XYPlot) byName(figures, "compare-messages-per-node-vs-network-loss.png").chart()
                .getPlot();
        assertEquals(List.of(3.43), yValues(messages, 0));
        assertEquals(0.5, messages.getDataset(0).getXValue(0, 0), 1e-12);
    }

    @Test
    void aSinglePointRunWithoutTheSweptKeyIsSaidToBeLeftOut() throws Exception {
        List<Figure> figures = CompareFigures.of(ComparedRun.of(singleThenLossSweep()));
        for (String name : List.of("compare-reliability-vs-network-loss.png", "compare-coverage-vs-network-loss.png",
                "compare-messages-per-node-vs-network-loss.png")) {
            Figure figure = byName(figures, name);
            assertEquals(List.of("loss-sweep"), ChartDump.seriesKeys(figure.chart(), 0), name);
            assertTrue(figure.caption().contains("Left out: single: its scenario.yaml does not set network.loss."),
                    figure.caption());
        }
    }

    @Test
    void pooledChartsAndTheTableSayASweepPoolsItsPointsAndHistogramsNameTheirPoint() throws Exception {
        List<ComparedRun> runs = ComparedRun.of(singleThenLossSweep());
        List<Figure> figures = CompareFigures.of(runs);
        String pooled = "loss-sweep pools all 3 points of its sweep of network.loss (0, 0.5, 0.9).";
        for (String name : List.of("compare-coverage-over-time.png", "compare-latency-cdf.png")) {
            String caption = byName(figures, name).caption();
            assertTrue(caption.contains(pooled), caption);
            assertFalse(caption.contains("single pools"), caption);
        }
        // Point 0 has four live SCAMP nodes per repetition, point 1 three and a half, point 2 two.
        for (String name : List.of("compare-partialview-histogram.png", "compare-inview-histogram.png")) {
            String caption = byName(figures, name).caption();
            assertTrue(caption.contains("The point shown of each run of several points: loss-sweep at "
                    + "network.loss=0 (point 0)."), caption);
        }
        String html = CompareReport.page(runs, figures);
        assertTrue(html.contains("<tr><th>Points</th><td class=\"num\">1</td><td class=\"num\">all 3 of its "
                + "sweep of network.loss (0, 0.5, 0.9), pooled in the figures below</td></tr>"), html);
    }

    private static Figure byName(List<Figure> figures, String name) {
        return figures.stream().filter(f -> f.fileName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from "
                        + figures.stream().map(Figure::fileName).toList()));
    }

    private static List<Double> yValues(XYPlot plot, int series) {
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getDataset(0).getItemCount(series); i++) {
            values.add(plot.getDataset(0).getYValue(series, i));
        }
        return values;
    }
}
