package io.gossip.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.results.RunResult;
import io.gossip.sim.run.RunOutcome;
import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.ScenarioReader;
import io.gossip.udp.KernelReceiveDrops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run with crashes and graceful leaves: the listed nodes stop being members, events.csv says
 * what was done, and every broadcast is measured against the nodes still live at the end, as in the
 * simulator.
 *
 * <p>The timeline runs on the wall clock (a tenth of scenario time), so its gaps are what a loaded
 * machine needs, not what an idle one does: the first broadcast has 1 s of wall clock to reach every
 * node before the crash. With 50 ms (broadcast at 3,000, crash at 3,500), a run pinned to one busy
 * processor sent it up to 170 ms late, right before the crash, and it missed one or two nodes in four
 * runs of six.
 */
class LiveFailuresTest {
    private static final String SCENARIO = """
            name: live-failures
            seed: 7
            nodes: 16
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 100}
              - {action: broadcast, atMillis: 7000, source: 0}
              - {action: crash, atMillis: 17000, nodes: [3, 4]}
              - {action: unsubscribe, atMillis: 17100, nodes: [5, 6]}
              - {action: broadcast, atMillis: 22000, count: 2, intervalMillis: 500}
            drainMillis: 2000
            live: {timeScale: 0.1}
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void crashedAndDepartedNodesLeaveTheReferenceSet() throws Exception {
        LoadedScenario loaded = new ScenarioReader(List.of(), null, () -> 1L).read(SCENARIO, "live-failures.yaml");
        long[] kernelDrops = {Long.MIN_VALUE};
        RunOutcome outcome = LiveRunner.run(loaded.plan(), dir,
                (key, run) -> kernelDrops[0] = run.result().kernelReceiveDrops());
        assertEquals(1, outcome.runs());
        // Crashes and leaves do not make the run's count of the kernel's drops unknown.
        long expected = KernelReceiveDrops.read().available() ? 0 : RunResult.NOT_MEASURED;
        assertEquals(expected, Math.min(kernelDrops[0], 0), "kernel drops " + kernelDrops[0]);

        List<String> events = Files.readAllLines(dir.resolve("events.csv"));
        assertTrue(events.stream().anyMatch(l -> l.endsWith(",crash,nodes=2")), events.toString());
        assertTrue(events.stream().anyMatch(l -> l.endsWith(",unsubscribe,nodes=2")), events.toString());

        List<String> nodes = Files.readAllLines(dir.resolve("nodes.csv"));
        for (int node = 0; node < 16; node++) {
            boolean gone = node >= 3 && node <= 6;
            String prefix = "0,scamp,0," + node + "," + !gone + ",";
            assertTrue(nodes.stream().anyMatch(l -> l.startsWith(prefix)), prefix + " in " + nodes);
        }

        List<String> broadcasts = Files.readAllLines(dir.resolve("broadcasts.csv"));
        assertEquals(4, broadcasts.size(), broadcasts.toString());
        for (String row : broadcasts.subList(1, 4)) {
            assertEquals("12", row.split(",")[6], "live_nodes: the 12 nodes live at the end; " + row);
        }
        String first = broadcasts.get(1);
        assertEquals("0", first.split(",")[4], "origin");
        assertEquals("12", first.split(",")[7], "the broadcast before any failure reached every node: " + first);

        // Each broadcast's messages are those counted between it and the next: over the run they add
        // up to every gossip transmission, the crashed nodes' included (no gossip before the first).
        long messages = 0;
        for (String row : broadcasts.subList(1, 4)) {
            messages += Long.parseLong(row.split(",")[14]);
        }
        String summary = Files.readString(dir.resolve("summary.json"));
        Matcher gossip = Pattern.compile("\"GOSSIP\" : (\\d+)").matcher(summary);
        assertTrue(gossip.find(), "messages.byType.GOSSIP in summary.json");
        assertEquals(Long.parseLong(gossip.group(1)), messages, "broadcasts.csv's messages, summed");
    }
}
