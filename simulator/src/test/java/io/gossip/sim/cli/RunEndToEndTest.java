package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim run} of a 200-node scenario with the real engine and report: every result file is
 * written, the drawn seed is printed first, and the saved scenario.yaml replays to the same results.
 */
class RunEndToEndTest {
    private static final String SCENARIO = """
            name: e2e-200
            nodes: 200
            protocol: {c: 1, heartbeatPeriodMillis: 0}
            network:
              latency: {type: uniform, minMillis: 10, maxMillis: 50}
              loss: 0.05
            timeline:
              - {action: join, atMillis: 0, count: all, overMillis: 2000}
              - {action: broadcast, atMillis: 3000, count: 5, intervalMillis: 200}
            drainMillis: 2000
            output: {timelineSampleMillis: 500}
            """;
    private static final List<String> RESULT_FILES = List.of("scenario.yaml", "summary.json", "broadcasts.csv",
            "coverage.csv", "nodes.csv", "timeline.csv", "events.csv", "points.csv");

    @TempDir
    Path dir;

    @Test
    void runsWritesEveryFileAndReplaysFromItsScenarioYaml() throws IOException {
        Path file = dir.resolve("e2e.yaml");
        Files.writeString(file, SCENARIO);
        Path first = dir.resolve("first");
        CommandRunner.Result r = CommandRunner.run(Engines.simulator(), Engines.reports(), "run", file.toString(),
                "--out", first.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("seed "), r.out());
        String seed = r.out().lines().findFirst().orElseThrow().split(" ")[1];
        assertTrue(r.out().contains("(drawn at random: replay with --seed " + seed + ")"), r.out());
        assertTrue(r.out().contains("coverage            mean"), r.out());
        assertTrue(r.out().contains("results: " + first), r.out());
        for (String name : RESULT_FILES) {
            assertTrue(Files.size(first.resolve(name)) > 0, name);
        }
        assertTrue(Files.exists(first.resolve("index.html")), "report page");
        assertTrue(Files.readString(first.resolve("scenario.yaml")).contains("seed: " + seed + "\n"));

        Path replay = dir.resolve("replay");
        CommandRunner.Result again = CommandRunner.run(Engines.simulator(), Engines.reports(), "run",
                first.resolve("scenario.yaml").toString(), "--out", replay.toString(), "--threads", "2",
                "--no-report");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("seed " + seed, again.out().lines().findFirst().orElseThrow());
        assertEquals(withoutWallClock(first), withoutWallClock(replay));
        for (String name : List.of("broadcasts.csv", "coverage.csv", "nodes.csv", "timeline.csv", "events.csv")) {
            assertEquals(Files.readString(first.resolve(name)), Files.readString(replay.resolve(name)), name);
        }
        assertTrue(!Files.exists(replay.resolve("index.html")), "--no-report builds no report");
    }

    /** summary.json without the two machine-dependent figures. */
    private static String withoutWallClock(Path runDir) throws IOException {
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        summary.remove(List.of("wallSeconds", "eventsPerSecond"));
        summary.withArray("points").forEach(p -> ((ObjectNode) p).remove(List.of("wallSeconds", "eventsPerSecond")));
        return summary.toString();
    }
}
