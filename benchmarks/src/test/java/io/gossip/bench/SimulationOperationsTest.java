package io.gossip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulationBenchmark}'s operation is a whole run each time: every node joins and the
 * broadcast reaches them all, and a second operation does the same work as the first (same events),
 * not a shortcut through what the first left behind. At 1,000 nodes, so that it stays cheap.
 */
class SimulationOperationsTest {
    private static final int NODES = 1_000;

    private final SimulationBenchmark benchmark = new SimulationBenchmark();

    @Test
    void everyOperationRunsTheWholeJoinAndBroadcast() throws Exception {
        benchmark.nodes = NODES;
        benchmark.setUp();
        try {
            long first = benchmark.joinAndBroadcast();
            assertReachedAll();
            long second = benchmark.joinAndBroadcast();
            assertReachedAll();
            assertTrue(first > 10L * NODES, "events " + first);
            assertEquals(first, second, "events of the second operation");
        } finally {
            benchmark.deleteOutput();
        }
        assertFalse(Files.exists(benchmark.outDir), "output folder deleted");
    }

    /** broadcasts.csv: one broadcast, sent to a group of all NODES, reaching every one of them. */
    private void assertReachedAll() throws Exception {
        List<String> lines = Files.readAllLines(benchmark.outDir.resolve("broadcasts.csv"));
        assertEquals(2, lines.size(), "one broadcast: " + lines);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] row = lines.get(1).split(",");
        assertEquals(String.valueOf(NODES), row[header.indexOf("live_nodes")], lines.get(1));
        assertEquals(String.valueOf(NODES), row[header.indexOf("reached")], lines.get(1));
        assertEquals("true", row[header.indexOf("complete")], lines.get(1));
    }
}
