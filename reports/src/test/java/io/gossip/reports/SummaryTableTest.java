package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary table after a sweep: its top level pools every point, so the first point's nodes and
 * c must not be shown as the run's, nor its pooled PartialView mean set against one (c+1)·ln n.
 */
class SummaryTableTest {
    private static final String PV_LABEL = "PartialView mean vs expected (c+1)·ln n";

    @TempDir
    Path dir;

    private Summary summary(String json) throws Exception {
        Fixtures.write(dir, "summary.json", json);
        return Summary.read(dir);
    }

    private static List<String> row(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow();
    }

    private static String cell(List<List<String>> rows, String label, int column) {
        return row(rows, label).get(column);
    }

    @Test
    void nodesSweepShowsTheRangeOfItsPointsNotTheFirstPointsNodeCount() throws Exception {
        Summary s = summary(Fixtures.sweepSummary("n", "nodes", new int[] {100, 1000, 10000},
                new double[] {1, 1, 1}));
        List<List<String>> rows = SummaryTable.rows(List.of(s));
        assertEquals("100 … 10,000 (sweep of nodes over 3 points)", cell(rows, "Nodes", 1));
        assertEquals("1", cell(rows, "c", 1));
    }

    @Test
    void cSweepShowsTheNodeCountAllPointsShareAndTheRangeOfC() throws Exception {
        Summary s = summary(Fixtures.sweepSummary("c", "c", new int[] {100, 100, 100},
                new double[] {0, 1, 2}));
        List<List<String>> rows = SummaryTable.rows(List.of(s));
        assertEquals("100", cell(rows, "Nodes", 1));
        assertEquals("0 … 2 (sweep of c over 3 points)", cell(rows, "c", 1));
    }

    @Test
    void sweepDoesNotCompareThePooledPartialViewMeanWithOneExpectedValue() throws Exception {
        Summary s = summary(Fixtures.sweepSummary("n", "nodes", new int[] {100, 1000, 10000},
                new double[] {1, 1, 1}));
        String pv = cell(SummaryTable.rows(List.of(s)), PV_LABEL, 1);
        assertEquals("13.83 over all points; expected (c+1)·ln n: per point", pv);
        assertFalse(pv.contains("13.82"), pv);
    }

    @Test
    void sweepWhosePointsLeaveOutNodesNamesTheSweptNodesInsteadOfTheFirstPoints() throws Exception {
        Summary s = summary(Fixtures.summary("n", 100, 1).replace("\"sweep\": null", "\"sweep\": \"nodes\"")
                .replaceFirst("\"points\": \\[.*]", "\"points\": [ {\"point\": 0}, {\"point\": 1} ]"));
        assertEquals("sweep of nodes over 2 points", cell(SummaryTable.rows(List.of(s)), "Nodes", 1));
    }

    @Test
    void runPageOfANodesSweepDoesNotPresentTheFirstPointsSizeOrComparison() throws Exception {
        Path run = Fixtures.sweepOverNodes(dir);
        Fixtures.write(run, "summary.json", Fixtures.sweepSummary("n", "nodes",
                new int[] {100, 1000, 10000}, new double[] {1, 1, 1}));
        String html = RunReport.page(RunData.load(run), List.of());
        assertTrue(html.contains("<th>Nodes</th><td class=\"num\">100 … 10,000 (sweep of nodes over 3 points)"
                + "</td>"), html);
        assertFalse(html.contains("<th>Nodes</th><td class=\"num\">100</td>"), html);
        assertFalse(html.contains("13.83 vs 13.82"), html);
    }

    @Test
    void theKernelsDropsHaveARowOnlyWhenALiveRunCountedThem() throws Exception {
        String kernel = "Datagrams the kernel dropped (full receive buffers)";
        String simulated = Fixtures.summary("s", 100, 1);
        assertTrue(SummaryTable.rows(List.of(summary(simulated))).stream().noneMatch(r -> r.get(0).equals(kernel)),
                "a simulated run has no kernel");
        String live = simulated.replace("\"events\": 100,", "\"events\": 100, \"drops\": { \"kernel\": 12345 },");
        String unread = simulated.replace("\"events\": 100,", "\"events\": 100, \"drops\": { \"kernel\": null },");
        List<List<String>> rows = SummaryTable.rows(List.of(summary(live), summary(unread), summary(simulated)));
        assertEquals(List.of(kernel, "12,345", "not counted (not Linux)", "–"), row(rows, kernel));
    }

    @Test
    void comparisonShowsASweepAndASingleRunEachInItsOwnTerms() throws Exception {
        Path sweep = Fixtures.sweepOverNodes(dir.resolve("sweep"));
        Fixtures.write(sweep, "summary.json", Fixtures.sweepSummary("n", "nodes",
                new int[] {100, 1000, 10000}, new double[] {1, 1, 1}));
        Path single = Fixtures.singlePoint(dir.resolve("single"));
        List<List<String>> rows = SummaryTable.rows(List.of(RunData.load(sweep).summary(),
                RunData.load(single).summary()));
        assertEquals(List.of("Nodes", "100 … 10,000 (sweep of nodes over 3 points)", "4"),
                row(rows, "Nodes"));
        assertEquals(List.of(PV_LABEL, "13.83 over all points; expected (c+1)·ln n: per point",
                "2.50 vs 2.77"), row(rows, PV_LABEL));
    }
}
