package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broadcast whose reference set is empty (live_nodes 0: every node live when it was sent was gone
 * by the end) is unmeasured: the simulator leaves its coverage and complete empty, the report reads
 * them so and leaves it out of the charts of coverage, reliability and latency. Empty values where
 * live_nodes says there was a set to measure, or values where it says there was none, are refused.
 */
class UnmeasuredBroadcastTest {
    private static final String MEASURED = "0,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,4";
    private static final String UNMEASURED_ROW =
            "Unmeasured broadcasts (every node live when sent was gone by the end)";

    @TempDir
    Path dir;

    @Test
    void anUnmeasuredBroadcastHasNoCoverageIsNotCompleteAndKeepsItsMessages() throws Exception {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, BroadcastRow.FILE, Fixtures.BROADCASTS_HEADER, MEASURED,
                "0,scamp,0,1,n2,200.0,0,0,,,,,,2,6,1");

        RunData run = RunData.load(dir);

        BroadcastRow unmeasured = run.broadcasts().get(1);
        assertFalse(unmeasured.measured());
        assertTrue(Double.isNaN(unmeasured.coverage()), "coverage " + unmeasured.coverage());
        assertFalse(unmeasured.complete());
        assertTrue(Double.isNaN(unmeasured.t50Ms()) && Double.isNaN(unmeasured.t99Ms())
                && Double.isNaN(unmeasured.t100Ms()));
        assertEquals(6, unmeasured.messages());
        assertEquals(1, unmeasured.duplicates());
        assertTrue(run.broadcasts().get(0).measured());
        assertEquals(List.of(run.broadcasts().get(0)), run.measuredBroadcasts());
    }

    /** A row (line 3) that contradicts its live_nodes, and the error it gets. */
    static Stream<Arguments> contradictions() {
        String emptyIfUnmeasured = ": only an unmeasured broadcast (live_nodes 0) has no ";
        String valueOfNoNode = "but live_nodes is 0: an unmeasured broadcast (no node live when it was sent is live"
                + " at the end) has it empty (a folder written before, with coverage 0.0 and complete true there:"
                + " run the scenario again)";
        return Stream.of(
                Arguments.of("0,scamp,0,1,n2,200.0,4,2,,false,10.0,,,2,6,1",
                        "column 'coverage' is empty, but live_nodes is 4" + emptyIfUnmeasured + "coverage"),
                Arguments.of("0,scamp,0,1,n2,200.0,4,2,0.5,,10.0,,,2,6,1",
                        "column 'complete' is empty, but live_nodes is 4" + emptyIfUnmeasured + "complete"),
                // What the simulator wrote for an empty reference set before: coverage 0, complete.
                Arguments.of("0,scamp,0,1,n2,200.0,0,0,0.0,true,,,,2,6,1",
                        "column 'coverage' is '0.0', " + valueOfNoNode),
                Arguments.of("0,scamp,0,1,n2,200.0,0,0,,true,,,,2,6,1",
                        "column 'complete' is 'true', " + valueOfNoNode),
                Arguments.of("0,scamp,0,1,n2,200.0,0,0,,false,,,,2,6,1",
                        "column 'complete' is 'false', " + valueOfNoNode));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void aCoverageOrCompleteThatContradictsLiveNodesIsRefusedNamingFileLineAndColumn(String row, String problem) {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, BroadcastRow.FILE, Fixtures.BROADCASTS_HEADER, MEASURED, row);

        ReportException e = assertThrows(ReportException.class, () -> RunData.load(dir));

        assertEquals(dir.resolve(BroadcastRow.FILE), e.file());
        assertEquals(3, e.line());
        assertEquals(dir.resolve(BroadcastRow.FILE) + ":3: " + problem, e.getMessage());
    }

    @Test
    void aReportLeavesTheUnmeasuredBroadcastOutOfItsCoverageAndLatencyChartsAndCountsIt() throws Exception {
        withOneUnmeasured(dir);
        RunData run = RunData.loadComplete(dir);
        assertEquals(6, run.broadcasts().size());
        assertEquals(5, run.measuredBroadcasts().size());

        Figure latency = RunFigures.latency(run).orElseThrow();
        assertTrue(latency.caption().startsWith("Share of the 5 broadcasts that had reached 99 %"), latency.caption());
        assertTrue(latency.caption().contains(" 1 unmeasured broadcast (every node live when it was sent was gone by"
                + " the end) is left out."), latency.caption());
        LatencyCdf.Cdf scampT99 = LatencyCdf.byMembership(run.measuredBroadcasts()).get(0);
        assertEquals("scamp t99", scampT99.name());
        assertEquals(3, scampT99.broadcasts(), "SCAMP's 4 broadcasts less the unmeasured one");
        // SCAMP's repetition 0 is the timeline's: its broadcast 1 is not a dot at coverage NaN.
        TimelineView timeline = TimelineView.of(run).orElseThrow();
        assertEquals(List.of("scamp 5000.0", "global 5000.0", "global 6000.0"), timeline.broadcasts().stream()
                .map(b -> b.membership() + " " + b.sentMs()).toList());

        ReportResult report = RunReport.build(dir);

        assertTrue(report.charts().contains(dir.resolve("latency-cdf.png")), report.charts().toString());
        assertTrue(report.charts().contains(dir.resolve("timeline-broadcast-coverage.png")));
        String page = Files.readString(report.indexHtml());
        assertTrue(page.contains(tableRow(UNMEASURED_ROW, "1 of 4")), page);
        assertTrue(page.contains("is unmeasured: it counts in no coverage, reliability or latency figure."), page);
        assertFalse(page.contains(RunReport.NONE_MEASURED), page);
    }

    @Test
    void coverageRowsOfAnUnmeasuredBroadcastAreRefused() throws Exception {
        withOneUnmeasured(dir);
        List<String> coverage = new ArrayList<>(Files.readAllLines(dir.resolve(CoverageRow.FILE)));
        coverage.add("0,scamp,0,1,0.0,0,0.0");
        Files.write(dir.resolve(CoverageRow.FILE), coverage);

        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir));

        assertEquals(dir.resolve(CoverageRow.FILE) + ": has rows for broadcast 1 of point 0 (scamp) repetition 0, "
                + "which broadcasts.csv lists as unmeasured (live_nodes 0): a curve over no node, which the "
                + "simulator does not write", e.getMessage());
        assertFalse(Files.exists(dir.resolve("index.html")));
    }

    @Test
    void aRunWhoseEveryBroadcastIsUnmeasuredHasNoCoverageReliabilityOrLatencyChart() throws Exception {
        withNoneMeasured(dir);

        ReportResult report = RunReport.build(dir);

        List<String> charts = report.charts().stream().map(c -> c.getFileName().toString()).toList();
        for (String left : List.of("coverage-over-time.png", "latency-cdf.png", "timeline-broadcast-coverage.png")) {
            assertFalse(charts.contains(left), left + " in " + charts);
        }
        assertTrue(charts.contains("duplicate-ratio.png"), "its copies were sent: " + charts);
        assertTrue(charts.contains("timeline-live-nodes.png"), charts.toString());
        String page = Files.readString(report.indexHtml());
        assertTrue(page.contains(RunReport.NONE_MEASURED), page);
        assertFalse(page.contains(RunReport.NO_BROADCASTS), page);
        assertTrue(page.contains(tableRow(SummaryTable.RELIABILITY, "–")), page);
        assertTrue(page.contains(tableRow(UNMEASURED_ROW, "4 of 4")), page);
        assertTrue(page.contains(tableRow("Duplicate ratio", "0.250")), "copies were sent, so a ratio:\n" + page);
    }

    /**
     * {@link Fixtures#completeRun} with SCAMP's broadcast 1 of repetition 0 unmeasured: no node of
     * its reference set live at the end (the nodes file is left as it is: the report does not hold
     * the two to each other), no coverage curve, and summary.json counting it.
     */
    static Path withOneUnmeasured(Path dir) throws IOException {
        Fixtures.completeRun(dir);
        replaceLine(dir.resolve(BroadcastRow.FILE), "0,scamp,0,1,1,6000.0,", "0,scamp,0,1,1,6000.0,0,0,,,,,,2,6,3");
        List<String> coverage = Files.readAllLines(dir.resolve(CoverageRow.FILE)).stream()
                .filter(line -> !line.startsWith("0,scamp,0,1,")).toList();
        Files.write(dir.resolve(CoverageRow.FILE), coverage);
        rewrite(dir.resolve(Summary.FILE), "\"reliability\": 0.5,",
                "\"reliability\": 0.5, \"broadcasts\": 4, \"unmeasuredBroadcasts\": 1,");
        return dir;
    }

    /** {@link Fixtures#completeRun} with every broadcast unmeasured, as a run whose nodes all crash writes it. */
    static Path withNoneMeasured(Path dir) throws IOException {
        Fixtures.completeRun(dir);
        List<String> broadcasts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(BroadcastRow.FILE))) {
            String[] f = line.split(",", -1);
            broadcasts.add(line.startsWith("point") ? line : String.join(",", f[0], f[1], f[2], f[3], f[4], f[5],
                    "0,0,,,,,", f[13], f[14], f[15]));
        }
        Files.write(dir.resolve(BroadcastRow.FILE), broadcasts);
        Fixtures.write(dir, CoverageRow.FILE, Fixtures.COVERAGE_HEADER);
        rewrite(dir.resolve(Summary.FILE), "\"coverage\": { \"mean\": 0.9, \"min\": 0.5 }",
                "\"coverage\": { \"mean\": null, \"min\": null }");
        rewrite(dir.resolve(Summary.FILE), "\"reliability\": 0.5,",
                "\"reliability\": null, \"broadcasts\": 4, \"unmeasuredBroadcasts\": 4,");
        rewrite(dir.resolve(Summary.FILE), "\"t50\": 10.0, \"t99\": 20.0", "\"t50\": null, \"t99\": null");
        Fixtures.write(dir, PointRow.FILE, Fixtures.POINTS_HEADER,
                "0,,,scamp,2,3,1,,,,,2.0,2.2,2.0,30.0,0.5,,",
                "0,,,global,1,3,1,,,,,2.0,2.2,2.0,20.0,0.5,,");
        return dir;
    }

    /** A row of the page's summary table. */
    private static String tableRow(String label, String value) {
        return "<tr><th>" + label + "</th><td class=\"num\">" + value + "</td></tr>";
    }

    private static void replaceLine(Path file, String prefix, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow());
        lines.set(at, line);
        Files.write(file, lines);
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + from + " in " + text);
        Files.writeString(file, text.replace(from, to));
    }
}
