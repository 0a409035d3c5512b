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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim report} refuses a run folder that lacks a file or rows the run wrote, naming the file,
 * and writes nothing: it had drawn such folders as other runs (no broadcasts, no histograms, no
 * timeline charts) without a word.
 */
class RunCompletenessTest {
    @TempDir
    Path dir;

    /** Keeps the header and the data rows {@code keep} accepts. */
    private void filter(String file, Predicate<String> keep) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(keep).forEach(kept::add);
        Files.write(dir.resolve(file), kept);
    }

    /** Cuts {@code file} to its first {@code lines} lines, as a copy that stopped at a line break. */
    private void cut(String file, int lines) throws IOException {
        Files.write(dir.resolve(file), Files.readAllLines(dir.resolve(file)).subList(0, lines));
    }

    private ReportException refused(String file) {
        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertEquals(dir.resolve(file), e.file(), e.getMessage());
        assertFalse(Files.exists(dir.resolve("index.html")), "nothing is written");
        assertFalse(Files.exists(dir.resolve(ReportFiles.CHART_LIST)), "nothing is written");
        return e;
    }

    @Test
    void everyFileTheRunWritesIsRequiredAndNamedWithWhatTheReportWouldLack() throws Exception {
        ReportResult complete = RunReport.build(Fixtures.completeRun(dir));
        assertTrue(complete.charts().contains(dir.resolve("timeline-view-sizes.png")), complete.charts().toString());
        Files.delete(dir.resolve("index.html"));
        Files.delete(dir.resolve(ReportFiles.CHART_LIST));
        for (String file : RunData.RUN_FILES.keySet()) {
            Fixtures.completeRun(dir);
            Files.delete(dir.resolve(file));
            ReportException e = refused(file);
            assertTrue(e.getMessage().contains("file is missing: sim run and sim live write it into every run "
                    + "folder, and the report would be drawn without " + RunData.RUN_FILES.get(file)), e.getMessage());
        }
        assertEquals(List.of("summary.json", "scenario.yaml", "points.csv", "broadcasts.csv", "coverage.csv",
                "nodes.csv", "timeline.csv", "events.csv"), List.copyOf(RunData.RUN_FILES.keySet()));
    }

    @Test
    void broadcastsCutToTheHeaderAreRefusedAgainstTheSummarysCount() throws Exception {
        Fixtures.completeRun(dir);
        cut("broadcasts.csv", 1);
        ReportException e = refused("broadcasts.csv");
        assertTrue(e.getMessage().endsWith("broadcasts.csv: holds 0 broadcasts of point 0 (scamp) where "
                + "summary.json counts 4: the file is cut short or is not this run's"), e.getMessage());
    }

    @Test
    void broadcastsCutInTheMiddleAreRefused() throws Exception {
        Fixtures.completeRun(dir);
        cut("broadcasts.csv", 4); // SCAMP's 4, less its last one
        assertTrue(refused("broadcasts.csv").getMessage().contains("holds 3 broadcasts of point 0 (scamp) where "
                + "summary.json counts 4"));
    }

    @Test
    void nodesCutToTheHeaderOrInARunAreRefusedAgainstTheSummarysNodeSlots() throws Exception {
        Fixtures.completeRun(dir);
        cut("nodes.csv", 1);
        assertTrue(refused("nodes.csv").getMessage().contains("holds 0 node rows of point 0 (scamp) repetition 0 "
                + "where summary.json gives 3 node slots (one row each)"));
        Fixtures.completeRun(dir);
        cut("nodes.csv", 8); // the baseline's run has 1 of its 3 rows
        assertTrue(refused("nodes.csv").getMessage().contains("holds 1 node row of point 0 (global) repetition 0"));
    }

    @Test
    void pointsCutToTheHeaderAreRefusedAgainstTheSummarysPoints() throws Exception {
        Fixtures.completeRun(dir);
        cut("points.csv", 2);
        assertTrue(refused("points.csv").getMessage().contains("has no row for point 0 (global), which "
                + "summary.json lists"));
    }

    @Test
    void aSummaryWithoutItsPointsBroadcastCountIsRefused() throws Exception {
        Fixtures.completeRun(dir);
        Fixtures.write(dir, "summary.json", Files.readString(dir.resolve("summary.json"))
                .replace(", \"broadcasts\": 2", ""));
        assertTrue(refused("summary.json").getMessage().contains("missing required field 'points[1].broadcasts'"));
    }

    @Test
    void aCoverageCurveCutShortOrMissingIsRefused() throws Exception {
        Fixtures.completeRun(dir);
        cut("coverage.csv", 17); // the baseline's last curve stops at 2 of the 3 nodes it reached
        assertTrue(refused("coverage.csv").getMessage().contains("the rows of broadcast 1 of point 0 (global) "
                + "repetition 0 end at 2 nodes reached where broadcasts.csv says 3"));
        Fixtures.completeRun(dir);
        filter("coverage.csv", line -> !line.startsWith("0,scamp,1,1,"));
        assertTrue(refused("coverage.csv").getMessage().contains("has no rows for broadcast 1 of point 0 (scamp) "
                + "repetition 1, which broadcasts.csv lists"));
    }

    @Test
    void eventsWithoutTheRunsBroadcastsOrWithoutAnyRowOfARunAreRefused() throws Exception {
        Fixtures.completeRun(dir);
        cut("events.csv", 1);
        assertTrue(refused("events.csv").getMessage().contains("has no row for point 0 (scamp) repetition 0, "
                + "although scenario.yaml has a timeline"));
        Fixtures.completeRun(dir);
        cut("events.csv", 9); // the baseline's second broadcast row is gone
        assertTrue(refused("events.csv").getMessage().contains("holds 1 broadcast row of point 0 (global) "
                + "repetition 0 where broadcasts.csv lists 2 broadcasts"));
    }

    @Test
    void aSampledRunWithoutItsTimelineSamplesIsRefused() throws Exception {
        Fixtures.completeRun(dir);
        cut("timeline.csv", 1);
        assertTrue(refused("timeline.csv").getMessage().contains("has no samples of point 0 (scamp) repetition 0, "
                + "although scenario.yaml sets output.timelineSampleMillis to 2,000"));
    }

    @Test
    void timelineSamplesCutInARunAreRefusedAgainstItsSiblingsAndItsActions() throws Exception {
        Fixtures.completeRun(dir);
        cut("timeline.csv", 14); // the baseline's run keeps 3 of its 5 samples
        assertTrue(refused("timeline.csv").getMessage().contains("holds 3 samples of point 0 (global) repetition 0 "
                + "but 5 of another run of point 0"));
        // The only run of its point: its samples stop at 2,000 ms, its broadcasts were sent at 5,000 and 6,000.
        Fixtures.completeRun(dir);
        Fixtures.write(dir, "points.csv", Fixtures.POINTS_HEADER,
                "0,,,scamp,1,3,1,1.0,1.0,1.0,0.0,2.0,2.2,2.0,30.0,0.5,15.0,20.0");
        Fixtures.write(dir, "summary.json", Files.readString(dir.resolve("summary.json"))
                .replaceFirst(", \\{ \"point\": 0[^}]*\"global\"[^}]*}", "")
                .replace("\"broadcasts\": 4", "\"broadcasts\": 2"));
        for (String file : List.of("broadcasts.csv", "coverage.csv", "nodes.csv", "timeline.csv", "events.csv")) {
            filter(file, line -> line.startsWith("0,scamp,0,"));
        }
        RunReport.build(dir); // test setup: the run alone is complete
        Files.delete(dir.resolve("index.html"));
        Files.delete(dir.resolve(ReportFiles.CHART_LIST));
        cut("timeline.csv", 3);
        assertTrue(refused("timeline.csv").getMessage().contains("the samples of point 0 (scamp) repetition 0 stop "
                + "at 2,000 ms, but the run went on to an action at 6,000 ms (events.csv)"));
    }

    @Test
    void samplesEndingBeforeTheLastActionAreRefusedInASimulatedRunOnlyNotInALiveOne() throws Exception {
        Fixtures.completeRun(dir);
        filter("timeline.csv", line -> !line.contains(",6000.0,") && !line.contains(",8000.0,"));
        assertTrue(refused("timeline.csv").getMessage().contains("stop at 4,000 ms, but the run went on to an "
                + "action at 6,000 ms"));
        // A live run (lateMembershipCopies null) stamps samples and actions with a clock that may run
        // late: its last sample may come before its last action by more than the interval.
        Fixtures.write(dir, "summary.json", Files.readString(dir.resolve("summary.json"))
                .replace("\"lateMembershipCopies\": 0", "\"lateMembershipCopies\": null"));
        RunReport.build(dir);
    }

    @Test
    void aTimelineWithAHeaderOnlyIsRefusedWhereTheScenarioSamplesAndCompleteWhereItDoesNot() throws Exception {
        Fixtures.completeRun(dir);
        cut("timeline.csv", 1);
        refused("timeline.csv");
        Fixtures.write(dir, "scenario.yaml", Files.readString(dir.resolve("scenario.yaml"))
                .replace("timelineSampleMillis: 2000", "timelineSampleMillis: 0"));
        ReportResult result = RunReport.build(dir);
        assertFalse(result.charts().stream().anyMatch(p -> p.getFileName().toString().startsWith("timeline-")));
    }

    @Test
    void aRefusedFolderKeepsThePreviousReportAsItWas() throws Exception {
        ReportResult first = RunReport.build(Fixtures.completeRun(dir));
        String page = Files.readString(first.indexHtml());
        cut("nodes.csv", 1);
        assertThrows(ReportException.class, () -> RunReport.build(dir));
        assertEquals(page, Files.readString(dir.resolve("index.html")));
        for (Path chart : first.charts()) {
            assertTrue(Files.isRegularFile(chart), chart + " stays");
        }
    }
}
