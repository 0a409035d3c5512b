package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a comparison refuses before writing anything, and how it says the runs' scenarios differ. */
class CompareRunsTest {
    @TempDir
    Path dir;

    private Path run(String folder, String scenario, String... scenarioYaml) {
        Path runDir = Fixtures.completeRun(dir.resolve(folder), scenario);
        if (scenarioYaml.length > 0) {
            Fixtures.write(runDir, "scenario.yaml", scenarioYaml);
        }
        return runDir;
    }

    @Test
    void oneFolderOrTheSameFolderTwiceIsRefusedBeforeAnythingIsRead() {
        Path a = run("a", "first");
        Path b = run("b", "second");
        assertNull(CompareRuns.inputProblem(List.of(a, b)));
        assertEquals("a comparison needs at least two run folders, got 1 (" + a + ")",
                CompareRuns.inputProblem(List.of(a)));
        assertEquals(a + " is given twice: give each run once", CompareRuns.inputProblem(List.of(a, b, a)));
        Path spelledOtherwise = a.resolve("..").resolve("a").resolve(".");
        assertEquals(a + " and " + spelledOtherwise + " are the same folder: give each run once",
                CompareRuns.inputProblem(List.of(a, spelledOtherwise)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompareRuns.load(List.of(a, a)));
        assertEquals(a + " is given twice: give each run once", e.getMessage());
    }

    @Test
    void aLinkToAFolderIsThatFolder() throws Exception {
        Path a = run("a", "first");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link"), a);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
            return;
        }
        assertEquals(a + " and " + link + " are the same folder: give each run once",
                CompareRuns.inputProblem(List.of(a, link)));
        CompareRuns runs = CompareRuns.load(List.of(a, run("b", "second")));
        assertTrue(runs.outProblem(link).startsWith("--out " + link + " is the run folder " + a + " given to compare"));
    }

    @Test
    void aFolderWithoutSummaryIsNotARunFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ReportException e = assertThrows(ReportException.class,
                () -> CompareRuns.load(List.of(run("a", "first"), empty)));
        assertEquals(empty + ": not a run folder (no summary.json)", e.getMessage());
    }

    @Test
    void theOutputFolderMustNotBeARunFolder() throws Exception {
        Path a = run("a", "first");
        Path b = run("b", "second");
        CompareRuns runs = CompareRuns.load(List.of(a, b));
        assertNull(runs.outProblem(dir.resolve("out")));
        assertNull(runs.outProblem(a.resolve("compare")), "a new folder inside a run overwrites none of its files");
        assertEquals("--out " + a + " is the run folder " + a + " given to compare: the comparison would replace "
                + "its index.html and charts; choose another folder", runs.outProblem(a));
        assertTrue(runs.outProblem(b.resolve("sub").resolve("..")).startsWith("--out " + b.resolve("sub")
                .resolve("..") + " is the run folder " + b + " given"));
        Path other = run("other", "third");
        assertEquals("--out " + other + " is a run folder (it holds summary.json): the comparison would replace "
                + "its index.html and charts; choose another folder", runs.outProblem(other));
    }

    @Test
    void buildingIntoAnInputRunLeavesItsReportAlone() throws Exception {
        Path a = run("a", "first");
        Fixtures.write(a, "index.html", "the run's own page");
        Path b = run("b", "second");
        assertThrows(IllegalArgumentException.class, () -> CompareReport.build(List.of(a, b), a));
        assertEquals("the run's own page\n", Files.readString(a.resolve("index.html")));
        try (var files = Files.list(a)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("compare-")));
        }
    }

    @Test
    void differingScenarioKeysAreListedForStderrAndOnThePage() throws Exception {
        Path a = run("a", "first", "# Effective scenario", "name: first", "seed: 1", "nodes: 200",
                "network: {loss: 0.1, latency: {type: constant, millis: 50}}",
                "timeline:", "  - {action: join, atMillis: 0}");
        Path b = run("b", "second", "name: second", "seed: 1", "nodes: 300",
                "network: {loss: 0.10, latency: {type: constant, millis: 50}}",
                "timeline:", "  - {action: join, atMillis: 5}",
                "sweep: {parameter: network.loss, values: [0.0, 0.1, 0.2]}");
        Path c = Fixtures.completeRun(dir.resolve("c"));
        Files.delete(c.resolve("scenario.yaml"));
        CompareRuns runs = CompareRuns.load(List.of(a, b, c));
        assertEquals(List.of(
                "nodes: 200 in " + a + "; 300 in " + b,
                "network.loss: 0.1 in " + a + "; swept over 0, 0.1, 0.2 in " + b,
                "timeline.0.atMillis: 0 in " + a + "; 5 in " + b,
                c + " has no readable scenario.yaml: its scenario is not compared"), runs.differences());
        String html = CompareReport.page(runs.runs(), List.of());
        assertTrue(html.contains("<tr><th>Differences</th>"
                + "<td class=\"num\">nodes=200; network.loss=0.1; timeline.0.atMillis=0</td>"
                + "<td class=\"num\">nodes=300; network.loss swept over 0, 0.1, 0.2; timeline.0.atMillis=5</td>"
                + "<td class=\"num\">unknown: no readable scenario.yaml</td></tr>"), html);
    }

    @Test
    void runsThatAgreeSaySo() throws Exception {
        CompareRuns runs = CompareRuns.load(List.of(run("a", "first"), run("b", "second")));
        assertEquals(List.of(), runs.differences());
        assertTrue(CompareReport.page(runs.runs(), List.of()).contains(
                "<td class=\"num\">none: the scenarios agree apart from their names</td>"));
    }

    @Test
    void aFileCutShortIsRefusedAsSimReportRefusesIt() throws Exception {
        Path a = run("a", "first");
        Path b = run("b", "second");
        Fixtures.write(b, "broadcasts.csv", Fixtures.BROADCASTS_HEADER);
        ReportException e = assertThrows(ReportException.class, () -> CompareRuns.load(List.of(a, b)));
        assertEquals(b.resolve("broadcasts.csv"), e.file());
        assertTrue(e.getMessage().contains("holds 0 broadcasts of point 0 (scamp) where summary.json counts 4: "
                + "the file is cut short or is not this run's"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anOlderFolderWithoutEventsOrTimelineIsComparedOnWhatItHas() throws Exception {
        Path a = run("a", "first");
        Path old = run("old", "second");
        Files.delete(old.resolve("events.csv"));
        Files.delete(old.resolve("timeline.csv"));
        assertEquals(2, CompareRuns.load(List.of(a, old)).runs().size());
        // What it has is still held to summary.json: a node row missing is refused.
        List<String> nodes = Files.readAllLines(old.resolve("nodes.csv"));
        Fixtures.write(old, "nodes.csv", nodes.subList(0, nodes.size() - 1).toArray(String[]::new));
        ReportException e = assertThrows(ReportException.class, () -> CompareRuns.load(List.of(a, old)));
        assertEquals(old.resolve("nodes.csv"), e.file());
        // A timeline.csv it has must hold every run's samples.
        Path sampled = run("sampled", "third");
        Fixtures.write(sampled, "timeline.csv", Fixtures.TIMELINE_HEADER);
        e = assertThrows(ReportException.class, () -> CompareRuns.load(List.of(a, sampled)));
        assertEquals(sampled.resolve("timeline.csv"), e.file());
    }

    @Test
    void aScenarioFileThatDoesNotParseIsComparedAsUnknown() throws Exception {
        Path a = run("a", "first");
        Path broken = run("broken", "second", "name: [second");
        CompareRuns runs = CompareRuns.load(List.of(a, broken));
        assertEquals(List.of(broken + " has no readable scenario.yaml: its scenario is not compared"),
                runs.differences());
    }
}
