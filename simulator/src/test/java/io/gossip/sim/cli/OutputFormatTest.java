package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line and the summary table render what they are given. */
class OutputFormatTest {

    @Test
    void progressLineShowsVirtualTimeShareRateAndEta() {
        // second run of 4 half done: 1.5 of 4 runs = 38%, after 3 s → 5 s left
        String line = ProgressLine.render(1, 4, 5_000, 10_000, 600_000, 3.0);
        assertEquals("run 2/4  virtual 5 s of 10 s  38% of timeline  200.0 k events/s  ETA 0:05", line);
    }

    @Test
    void progressLineOfASingleRunHasNoRunCounter() {
        // 250 / 120,000 done after 1 s: 479 s left
        assertEquals("virtual 250 ms of 2 min 0 s  0% of timeline  500 events/s  ETA 7:59",
                ProgressLine.render(0, 1, 250, 120_000, 500, 1.0));
    }

    @Test
    void longDurationsAreGivenInHoursAndDaysNotThousandsOfMinutes() {
        assertEquals("119 min 59 s", Format.millis(7_199_000));
        assertEquals("27 h 47 min 9 s", Format.millis(100_029_000));
        assertEquals("11 d 13 h 46 min 40 s", Format.millis(1_000_000_000));
    }

    @Test
    void summaryTableShowsEveryFigureOfSummaryJson() throws Exception {
        String json = """
                {"scenario": "demo", "seed": 42, "nodes": 1000, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": 0.998, "min": 0.97}, "reliability": 0.9,
                 "latencyMillis": {"t50": 210.0, "t99": 390.0, "t100": null},
                 "partialView": {"mean": 13.6, "expected": 13.8, "min": 2, "max": 31, "stddev": 4.1},
                 "inView": {"mean": 13.6, "min": 1, "max": 40, "stddev": 5.0},
                 "messages": {"total": 123456, "perNode": 123.4}, "duplicateRatio": 0.92,
                 "events": 456789, "wallSeconds": 1.8, "eventsPerSecond": 253771.0, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        for (String expected : new String[] {"demo   seed 42   1000 nodes   c = 1   membership scamp",
            "coverage            mean 0.9980   min 0.9700", "reliability         0.900",
            "latency             50% 210.0 ms   99% 390.0 ms   100% -",
            "messages per node   123.4   (total 123,456)", "duplicate ratio     0.920",
            "PartialView         mean 13.60   min 2   max 31   stddev 4.10   expected (c+1)·ln n = 13.8   (-1.4%)",
            "InView              mean 13.60   min 1   max 40   stddev 5.00",
            "events              456,789 in 1.8 s wall (253,771 events/s)"}) {
            assertTrue(table.contains(expected), "'" + expected + "' missing from:\n" + table);
        }
        assertFalse(table.contains("redelivered"), "no row for what did not happen:\n" + table);
        assertFalse(table.contains("late membership"), table);
    }

    @Test
    void copiesThatOutlivedTheNodesMemoriesGetARowEach() throws Exception {
        String json = """
                {"scenario": "tails", "seed": 7, "nodes": 500, "c": 1, "membership": "scamp",
                 "duplicateRatio": 0.83, "redelivered": 88887, "lateMembershipCopies": 1234, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        for (String expected : new String[] {"redelivered         88,887   (copies taken for new by nodes whose"
                + " duplicate memory had forgotten them, and forwarded again)",
            "late membership     1,234   (copies that travelled longer than receivers remember handling one: each"
                + " may have been handled twice)"}) {
            assertTrue(table.contains(expected), "'" + expected + "' missing from:\n" + table);
        }
    }

    @Test
    void aSweepOverLongValuesKeepsItsColumnsAligned() throws Exception {
        String point = """
                {"point": %d, "value": "%s", "membership": "scamp", "coverage": {"mean": 1.0},
                 "reliability": 1.0, "partialView": {"mean": 9.0, "expected": 9.2}, "messages": {"perNode": 50.0},
                 "latencyMillis": {"t99": 300.0}}""";
        String json = """
                {"scenario": "latency-models", "seed": 3, "nodes": 1000, "c": 1, "membership": "scamp",
                 "sweep": "network.latency", "points": [%s, %s]}
                """.formatted(point.formatted(0, "{type: constant, millis: 50}"),
                point.formatted(1, "{type: lognormal, medianMillis: 40, sigma: 0.5}"));
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        List<String> lines = table.lines().dropWhile(l -> !l.startsWith("point")).toList();
        assertEquals(3, lines.size(), table);
        int membership = lines.get(0).indexOf("membership");
        int coverage = lines.get(0).indexOf("coverage");
        for (String row : lines.subList(1, 3)) {
            assertEquals(membership, row.indexOf("scamp"), table);
            assertEquals(coverage + "coverage".length(), row.indexOf("1.0000") + "1.0000".length(), table);
        }
    }

    @Test
    void aGlobalRunShowsItsFanoutInsteadOfViews() throws Exception {
        String json = """
                {"scenario": "g", "seed": 42, "nodes": 200, "c": 1, "membership": "global",
                 "partialView": {"mean": 5.0, "expected": 10.6, "min": 5, "max": 5, "stddev": 0.0},
                 "inView": {"mean": 5.0, "min": 5, "max": 5, "stddev": 0.0}, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        assertTrue(table.contains("fanout              5.00   (global knowledge: each node forwards to that many"
                + " members drawn at random)"), table);
        assertFalse(table.contains("PartialView") || table.contains("InView") || table.contains("ln n"), table);
    }

    @Test
    void withNoBroadcastSentTheLatencyRowSaysSoInsteadOfPointingAtAnEmptyFile() throws Exception {
        String json = """
                {"scenario": "quiet", "seed": 1, "nodes": 100, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": null, "min": null}, "reliability": null, "broadcasts": 0,
                 "latencyMillis": {"t50": null, "t99": null, "t100": null}, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        assertTrue(table.contains("latency             -   (no broadcast was sent: the timeline has none, or"
                + " skipped each one; events.csv says which)"), table);
        assertFalse(table.contains("broadcasts.csv"), table);
    }

    /** summary.json's duplicate ratio is 0 without broadcasts; the console read 0.000, the report "no data". */
    @Test
    void withNoBroadcastSentTheDuplicateRatioIsNoDataNotZero() throws Exception {
        String json = """
                {"scenario": "quiet", "seed": 1, "nodes": 100, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": null, "min": null}, "reliability": null, "broadcasts": 0,
                 "latencyMillis": {"t50": null, "t99": null, "t100": null},
                 "messages": {"total": 6582, "perNode": 65.82}, "duplicateRatio": 0.0,
                 "partialView": {"mean": 5.28, "expected": 9.2, "min": 1, "max": 13, "stddev": 3.08}, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        for (String expected : new String[] {"coverage            mean -   min -", "reliability         -   ",
            "duplicate ratio     -   (no broadcast was sent)", "messages per node   65.8   (total 6,582)",
            "PartialView         mean 5.28"}) {
            assertTrue(table.contains(expected), "'" + expected + "' missing from:\n" + table);
        }
        assertFalse(table.contains("0.000"), table);
        // A broadcast that found no one to send a copy to: a measured ratio of 0, as the report shows it.
        String alone = json.replace("\"reliability\": null, \"broadcasts\": 0", "\"reliability\": 1.0, "
                + "\"broadcasts\": 1");
        assertTrue(SummaryTable.render(new ObjectMapper().readTree(alone)).contains("duplicate ratio     0.000"));
    }

    /**
     * Broadcasts sent but none measured (every node live when each was sent was gone by the end): no
     * figure over broadcasts, and not "no broadcast was sent" either; their copies give a ratio.
     */
    @Test
    void withNoBroadcastMeasuredTheRowsSaySoAndCountThem() throws Exception {
        String json = """
                {"scenario": "allcrash", "seed": 3, "nodes": 50, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": null, "min": null}, "reliability": null, "broadcasts": 2,
                 "unmeasuredBroadcasts": 2, "latencyMillis": {"t50": null, "t99": null, "t100": null},
                 "messages": {"total": 3267, "perNode": 65.34}, "duplicateRatio": 0.1, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        assertTrue(table.contains("""
                  coverage            mean -   min -
                  reliability         -   (share of the measured broadcasts that reached every live node)
                  latency             -   (no broadcast was measured)
                  unmeasured          2 broadcasts of 2 sent   (every node live when it was sent was gone by the end:\
                 in none of the figures above)
                  messages per node   65.3   (total 3,267)
                  duplicate ratio     0.100
                """), table);
        assertFalse(table.contains("was sent:"), table);
    }

    @Test
    void withNoCompleteBroadcastTheLatencyRowShowsT50AndT99AndSaysWhyT100IsMissing() throws Exception {
        String json = """
                {"scenario": "big", "seed": 1, "nodes": 1000000, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": 0.999998, "min": 0.999995}, "reliability": 0.0,
                 "latencyMillis": {"t50": 210.0, "t99": 390.0, "t100": null}, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        assertTrue(table.contains("latency             50% 210.0 ms   99% 390.0 ms   100% -   (no broadcast"
                + " reached every live node)"), table);
    }

    @Test
    void withNoBroadcastReachingNinetyNinePercentTheLatencyRowSaysWhereEachBroadcastsLatencyIs()
            throws Exception {
        String json = """
                {"scenario": "lossy", "seed": 1, "nodes": 1000, "c": 1, "membership": "scamp", "sweep": null,
                 "coverage": {"mean": 0.9, "min": 0.8}, "reliability": 0.0,
                 "latencyMillis": {"t50": null, "t99": null, "t100": null}, "points": []}
                """;
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        assertTrue(table.contains("latency             -   (no broadcast reached 99 % of its live nodes; each"
                + " broadcast's t50 is in broadcasts.csv)"), table);
        assertFalse(table.contains("50% -"), table);
    }

    @Test
    void theSummaryOfASweepIsHeadedWithTheSweepNotTheFirstPointsSize() throws Exception {
        String point = """
                {"point": %d, "value": %d, "membership": "%s", "coverage": {"mean": 1.0, "min": 1.0},
                 "reliability": 1.0, "partialView": {"mean": %s, "expected": %s}, "messages": {"perNode": 50.0},
                 "latencyMillis": {"t99": 300.0}}""";
        String json = """
                {"scenario": "view-size-vs-n", "seed": 3, "nodes": 1000, "c": 0, "membership": "scamp",
                 "sweep": "nodes", "coverage": {"mean": 1.0, "min": 1.0}, "reliability": 1.0,
                 "partialView": {"mean": 8.0, "expected": 8.1, "min": 2, "max": 20, "stddev": 2.0},
                 "events": 1000, "wallSeconds": 1.0, "eventsPerSecond": 1000.0, "points": [%s, %s, %s]}
                """.formatted(point.formatted(0, 1000, "scamp", "6.9", "6.91"),
                point.formatted(0, 1000, "global", "5.0", "5.0"), point.formatted(1, 10000, "scamp", "9.1", "9.21"));
        String table = SummaryTable.render(new ObjectMapper().readTree(json));
        for (String expected : new String[] {
            "view-size-vs-n   seed 3   sweep of nodes over 2 points   membership scamp",
            "all points together", "expected (c+1)·ln n: per point below",
            "0      1000         scamp", "1      10000        scamp"}) {
            assertTrue(table.contains(expected), "'" + expected + "' missing from:\n" + table);
        }
        assertFalse(table.contains("1000 nodes"), "the heading names the first point's size:\n" + table);
        assertFalse(table.contains("= 8.1"), "the sweep compared its all-points mean with one figure:\n" + table);
    }
}
