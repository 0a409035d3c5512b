package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim run} of scenarios where every node live when a broadcast was sent crashes before the
 * end: the broadcast's reference set is empty, so it is unmeasured. Its row of broadcasts.csv
 * leaves coverage and complete empty (it was written 0.0 and true, and the summary read "coverage
 * 0.0000, reliability 1.000"), it has no coverage curve, the figures over broadcasts count the
 * measured ones only, summary.json counts it, and the run says so on stderr. The report is built
 * from such a run.
 */
class UnmeasuredBroadcastsTest {
    /** Three broadcasts 2 ms apart, then every node crashes: none of them has a node left at the end. */
    private static final String ALL_CRASH = """
            name: allcrash
            seed: 3
            nodes: 50
            network:
              latency: {type: uniform, minMillis: 10, maxMillis: 100}
              loss: 0.1
            timeline:
              - {action: join, atMillis: 0, count: all, overMillis: 2000}
              - {action: broadcast, atMillis: 4000, count: 3, intervalMillis: 2}
              - {action: crash, atMillis: 4010, fraction: 1.0}
            """;

    /**
     * Broadcast 0 goes to the first 20 nodes, which all crash; 20 more join (the first of them starts
     * a new group) and broadcast 1 reaches all of them. A last node joins 1 ms before broadcast 2,
     * whose copies it is too new to get: 20 of 21.
     */
    private static final String MIXED = """
            name: mixed
            seed: 5
            nodes: 41
            network:
              latency: {type: uniform, minMillis: 10, maxMillis: 100}
            timeline:
              - {action: join, atMillis: 0, count: 20, overMillis: 2000}
              - {action: broadcast, atMillis: 3000, source: 0}
              - {action: crash, atMillis: 3010, fraction: 1.0}
              - {action: join, atMillis: 4000, count: 20, overMillis: 2000}
              - {action: broadcast, atMillis: 8000, source: 20}
              - {action: join, atMillis: 8400, count: 1}
              - {action: broadcast, atMillis: 8401, source: 20}
            drainMillis: 3000
            """;

    private static final String WHY = " every node live when it was sent crashed or left before the end of the run";

    @TempDir
    Path dir;

    private CommandRunner.Result run(String name, String scenario) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, scenario);
        CommandRunner.Result r = CommandRunner.run(Engines.simulator(), Engines.reports(), "run", file.toString(),
                "--out", dir.resolve(name).toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }

    private List<String> lines(String run, String file) throws IOException {
        return Files.readAllLines(dir.resolve(run).resolve(file));
    }

    private JsonNode summary(String run) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(run).resolve("summary.json").toFile());
    }

    @Test
    void broadcastsWhoseNodesAllCrashedAreUnmeasuredAndInNoFigure() throws IOException {
        CommandRunner.Result r = run("allcrash", ALL_CRASH);

        assertEquals(List.of(
                "0,scamp,0,0,29,4000.0,0,0,,,,,,0,6,0,0",
                "0,scamp,0,1,18,4002.0,0,0,,,,,,0,4,0,0",
                "0,scamp,0,2,43,4004.0,0,0,,,,,,0,4,0,0"), lines("allcrash", "broadcasts.csv").subList(1, 4));
        assertEquals(List.of("point,membership,repetition,broadcast,t_ms,reached,coverage"),
                lines("allcrash", "coverage.csv"), "no curve over an empty set");
        JsonNode summary = summary("allcrash");
        for (JsonNode figures : List.of(summary, summary.path("points").get(0))) {
            assertTrue(figures.path("coverage").path("mean").isNull(), figures.toString());
            assertTrue(figures.path("coverage").path("min").isNull(), figures.toString());
            assertTrue(figures.path("reliability").isNull(), figures.toString());
            assertTrue(figures.path("latencyMillis").path("t99").isNull(), figures.toString());
            assertEquals(3, figures.path("broadcasts").asLong(), "each broadcast sent counts");
            assertEquals(3, figures.path("unmeasuredBroadcasts").asLong());
        }
        assertEquals(14, summary.path("messages").path("byType").path("GOSSIP").asLong(), "their copies were sent");
        assertEquals("0,,,scamp,1,50,1,,,,,,0.0,,65.34,0.0,,,", lines("allcrash", "points.csv").get(1));

        assertEquals(List.of("sim run: warning: point 0, repetition 0, scamp: broadcast 0, sent at 4.000 s, and 2"
                + " later broadcasts are unmeasured:" + WHY.replace("it was", "each was") + " (at 14.010 s), so no"
                + " node is left to measure them over. Their rows of broadcasts.csv have coverage and complete"
                + " empty, and they count in no coverage, reliability or latency figure (summary.json counts them"
                + " in unmeasuredBroadcasts)."), r.err().lines().toList());
        assertTrue(r.out().contains("""
                  coverage            mean -   min -
                  reliability         -   (share of the measured broadcasts that reached every live node)
                  latency             -   (no broadcast was measured)
                  unmeasured          3 broadcasts of 3 sent   (every node live when it was sent was gone by the\
                 end: in none of the figures above)
                  messages per node   65.3   (total 3,267)
                  duplicate ratio     0.000
                """), r.out());
        assertFalse(r.out().contains("1.000"), "no reliability beside no coverage:\n" + r.out());
        String page = Files.readString(dir.resolve("allcrash").resolve("index.html"));
        assertTrue(page.contains("Every broadcast of this run is unmeasured"), page);
    }

    @Test
    void theFiguresOfARunWithMeasuredAndUnmeasuredBroadcastsAreOverTheMeasuredOnes() throws IOException {
        CommandRunner.Result r = run("mixed", MIXED);

        List<String> broadcasts = lines("mixed", "broadcasts.csv");
        assertEquals("0,scamp,0,0,0,3000.0,0,0,,,,,,0,7,0,0", broadcasts.get(1));
        assertTrue(broadcasts.get(2).startsWith("0,scamp,0,1,20,8000.0,20,20,1.0,true,"), broadcasts.get(2));
        assertTrue(broadcasts.get(3).startsWith("0,scamp,0,2,20,8401.0,21,20,0.952381,false,"), broadcasts.get(3));
        List<String> coverage = lines("mixed", "coverage.csv");
        assertTrue(coverage.stream().noneMatch(line -> line.startsWith("0,scamp,0,0,")), coverage.toString());
        assertTrue(coverage.stream().anyMatch(line -> line.startsWith("0,scamp,0,1,")), coverage.toString());
        JsonNode summary = summary("mixed");
        // Counted as before, broadcast 0 made the mean (0 + 1 + 20/21) / 3 and the reliability 2/3.
        assertEquals(0.97619, summary.path("coverage").path("mean").asDouble());
        assertEquals(0.952381, summary.path("coverage").path("min").asDouble());
        assertEquals(0.5, summary.path("reliability").asDouble());
        assertEquals(3, summary.path("broadcasts").asLong());
        assertEquals(1, summary.path("unmeasuredBroadcasts").asLong());
        assertEquals(131.603, summary.path("latencyMillis").path("t100").asDouble(), "broadcast 1's t100");
        assertEquals("0,,,scamp,1,41,1,0.97619,0.952381,0.5,0.0,", lines("mixed", "points.csv").get(1)
                .substring(0, "0,,,scamp,1,41,1,0.97619,0.952381,0.5,0.0,".length()));

        assertEquals(List.of("sim run: warning: point 0, repetition 0, scamp: broadcast 0, sent at 3.000 s, is"
                + " unmeasured:" + WHY + " (at 11.401 s), so no node is left to measure it over. Its row of"
                + " broadcasts.csv has coverage and complete empty, and it counts in no coverage, reliability or"
                + " latency figure (summary.json counts it in unmeasuredBroadcasts)."), r.err().lines().toList());
        assertTrue(r.out().contains("""
                  reliability         0.500   (share of the measured broadcasts that reached every live node)
                """), r.out());
        assertTrue(r.out().contains("  unmeasured          1 broadcast of 3 sent   "), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("mixed").resolve("latency-cdf.png")), "the measured ones' chart");
    }

    @Test
    void aRunWhoseBroadcastsAreAllMeasuredWritesNoCountOfUnmeasuredOnes() throws IOException {
        CommandRunner.Result r = run("measured", MIXED.replace("{action: crash, atMillis: 3010, fraction: 1.0}",
                "{action: crash, atMillis: 3010, fraction: 0.5}"));

        assertFalse(summary("measured").has("unmeasuredBroadcasts"), "the summaries of such runs are unchanged");
        assertFalse(r.out().contains("unmeasured"), r.out());
        assertFalse(r.out().contains("the measured broadcasts"), r.out());
        assertEquals("", r.err());
    }
}
