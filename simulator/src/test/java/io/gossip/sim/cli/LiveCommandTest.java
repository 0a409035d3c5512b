package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.udp.KernelReceiveDrops;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim live}: the shipped 50-node scenario runs on real sockets, reaches every node, and
 * leaves the result files {@code sim report} reads and {@code sim compare} puts beside a simulated
 * run; scenarios that cannot run live are refused before anything runs.
 */
class LiveCommandTest {
    private static final List<String> RESULT_FILES = List.of("scenario.yaml", "summary.json", "broadcasts.csv",
            "coverage.csv", "nodes.csv", "timeline.csv", "events.csv", "points.csv");

    @TempDir
    Path dir;

    /** A bug the event loops survived shows in no figure of the run, so it is said. */
    @Test
    void eventLoopErrorsAreWarnedOf() {
        var text = new java.io.StringWriter();
        var stderr = new java.io.PrintWriter(text);
        RunKey key = new RunKey(0, MembershipSpec.Type.SCAMP, 2);
        LiveCommand.warnOfLoopErrors(stderr, key, 0);
        assertEquals("", text.toString(), "nothing to say of a healthy run");
        LiveCommand.warnOfLoopErrors(stderr, key, 3);
        assertEquals("sim live: warning: point 0, repetition 2, scamp: the event loops counted 3 errors (exceptions"
                + " they survived, or sends to released ids): a bug of the transport or the core; this run's figures"
                + " may be wrong. Please report it with the scenario and its seed." + System.lineSeparator(),
                text.toString());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void live50NodesCoversEveryNodeAndWritesTheFilesSimReportReads() throws IOException {
        Path out = dir.resolve("live");
        CommandRunner.Result live = CommandRunner.run(Engines.simulator(), Engines.reports(), "live",
                Path.of("..", "scenarios", "live-50-nodes.yaml").toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, live.exitCode(), live.out() + live.err());
        assertTrue(live.out().startsWith("seed 50"), live.out());
        assertFalse(live.err().contains("event loops counted"), live.err());
        for (String file : RESULT_FILES) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
        }
        assertFalse(Files.exists(out.resolve(StagedResults.FOLDER)), "the staged files were moved into place");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("live-50-nodes", summary.path("scenario").asText());
        assertEquals(50, summary.path("nodes").asInt());
        double coverage = summary.path("coverage").path("mean").asDouble();
        assertTrue(coverage >= 0.99, "coverage.mean " + coverage);
        assertEquals(21, Files.readAllLines(out.resolve("broadcasts.csv")).size(), "20 broadcasts and a header");
        // A live network's latencies are not drawn: late copies are not known, and not claimed to be 0.
        assertTrue(summary.path("lateMembershipCopies").isNull(), summary.toString());
        assertTrue(summary.path("points").get(0).path("lateMembershipCopies").isNull(), summary.toString());
        // The kernel's drops at the run's sockets: counted where Linux's tables can be read, else null.
        JsonNode kernel = summary.path("drops").path("kernel");
        if (KernelReceiveDrops.read().available()) {
            assertTrue(kernel.isIntegralNumber() && kernel.asLong() >= 0, summary.path("drops").toString());
            assertTrue(live.out().contains(", " + kernel.asLong() + " by the kernel at full socket receive "
                    + "buffers of "), live.out());
        } else {
            assertTrue(kernel.isNull(), summary.path("drops").toString());
        }
        assertEquals(kernel, summary.path("points").get(0).path("drops").path("kernel"));

        CommandRunner.Result report = CommandRunner.run(Engines.simulator(), Engines.reports(), "report",
                out.toString());
        assertEquals(0, report.exitCode(), report.out() + report.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));

        Path simulated = dir.resolve("sim");
        CommandRunner.Result run = CommandRunner.run(Engines.simulator(), Engines.reports(), "run",
                Path.of("..", "scenarios", "live-50-nodes.yaml").toString(), "--out", simulated.toString(),
                "--no-report", "--threads", "1");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode simulatedDrops = new ObjectMapper().readTree(simulated.resolve("summary.json").toFile()).path("drops");
        assertFalse(simulatedDrops.has("kernel"), "a simulated run has no kernel: " + simulatedDrops);
        CommandRunner.Result compare = CommandRunner.run(Engines.simulator(), Engines.reports(), "compare",
                simulated.toString(), out.toString(), "--out", dir.resolve("compare").toString());
        assertEquals(0, compare.exitCode(), compare.out() + compare.err());
        assertTrue(Files.isRegularFile(dir.resolve("compare").resolve("index.html")));
    }

    /**
     * A broadcast whose every node crashes before the end has an empty reference set: unmeasured, as
     * in a simulated run (the two share the result writers), and said on stderr.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBroadcastWhoseNodesAllCrashIsUnmeasuredAsInASimulatedRun() throws IOException {
        Path file = dir.resolve("allcrash.yaml");
        Files.writeString(file, """
                name: live-allcrash
                seed: 3
                nodes: 6
                timeline:
                  - {action: join, atMillis: 0, count: all, intervalMillis: 100}
                  - {action: broadcast, atMillis: 2000, source: 0}
                  - {action: crash, atMillis: 4000, fraction: 1.0}
                drainMillis: 500
                live: {timeScale: 0.1}
                """);
        Path out = dir.resolve("live");
        CommandRunner.Result live = CommandRunner.run(Engines.simulator(), Engines.reports(), "live",
                file.toString(), "--out", out.toString());
        assertEquals(0, live.exitCode(), live.out() + live.err());

        List<String> broadcasts = Files.readAllLines(out.resolve("broadcasts.csv"));
        assertEquals(2, broadcasts.size(), broadcasts.toString());
        String[] row = broadcasts.get(1).split(",", -1);
        assertEquals(List.of("0", "0", "", "", "", "", ""), List.of(row).subList(6, 13),
                "live_nodes, reached, then coverage, complete and the delays empty: " + broadcasts.get(1));
        assertEquals(1, Files.readAllLines(out.resolve("coverage.csv")).size(), "a header, no curve");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.path("reliability").isNull(), summary.toString());
        assertTrue(summary.path("coverage").path("mean").isNull(), summary.toString());
        assertEquals(1, summary.path("unmeasuredBroadcasts").asLong(), summary.toString());
        assertTrue(live.err().startsWith("sim live: warning: point 0, repetition 0, scamp: broadcast 0, sent at "),
                live.err());
        assertTrue(live.err().contains(" is unmeasured: every node live when it was sent crashed or left before the"
                + " end of the run (at "), live.err());
        assertTrue(live.out().contains("  unmeasured          1 broadcast of 1 sent   "), live.out());
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "the report reads it");
    }

    @Test
    void refusesWhatCannotRunLiveAndRunsNothing() throws IOException {
        Path file = dir.resolve("partition.yaml");
        Files.writeString(file, """
                name: partition
                seed: 1
                nodes: 10
                network: {latency: {type: normal, meanMillis: 20, stddevMillis: 5}}
                timeline:
                  - {action: join, atMillis: 0, count: all, intervalMillis: 10}
                  - {action: partition, atMillis: 200, untilMillis: 400}
                """);
        CommandRunner.Result r = CommandRunner.run("live", file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + ": timeline.1: partitions cannot be run live"), r.err());
        assertTrue(r.err().contains("network.latency: only constant or uniform latency"), r.err());
        assertTrue(r.err().contains("scenario refused for a live run (2 problems); nothing was run."), r.err());
        assertTrue(Files.notExists(dir.resolve("o")), "nothing written");
    }

    @Test
    void aWrongLiveKeyIsRefusedAtItsLocation() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                seed: 1
                nodes: 10
                timeline:
                  - {action: join, atMillis: 0, count: all}
                live:
                  timeScale: 0
                  loopThread: 2
                """);
        CommandRunner.Result r = CommandRunner.run("live", file.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + ":7:14: live.timeScale: expected a number in [0.001, 1]")
                || r.err().contains(file + ":7:14: live.timeScale"), r.err());
        assertTrue(r.err().contains("unknown key 'loopThread' in live. Did you mean 'loopThreads'?"), r.err());
    }
}
