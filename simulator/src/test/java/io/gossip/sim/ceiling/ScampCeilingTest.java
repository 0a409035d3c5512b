package io.gossip.sim.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.run.PhaseWatcher;
import org.junit.jupiter.api.Test;

/** {@code ./bench ceiling}'s options: defaults, and an error that names what is wrong. */
class ScampCeilingTest {
    @Test
    void readsItsOptionsWithTheScaleBenchmarksDefaults() {
        assertEquals(new ScampCeiling.Options(1000, 1, 10, 1), ScampCeiling.parse(new String[] {"--nodes", "1000"}));
        assertEquals(new ScampCeiling.Options(50, 0, 3, -7),
                ScampCeiling.parse(new String[] {"--seed", "-7", "--c", "0", "--broadcasts", "3", "--nodes", "50"}));
        assertEquals(100_000, ScampCeiling.parse(new String[] {"--nodes", "100_000"}).nodes());
        assertEquals(LeanNodes.MAX_NODES, ScampCeiling.parse(new String[] {"--nodes", "16777215"}).nodes());
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals("unknown option --fanout", error("--nodes", "10", "--fanout"));
        assertEquals("unknown option --fanout", error("--nodes", "10", "--fanout", "3"));
        assertEquals("option --seed needs a value", error("--nodes", "10", "--seed"));
        assertEquals("--nodes must be an integer, got 'ten'", error("--nodes", "ten"));
        assertEquals("--nodes is required", error("--c", "1"));
    }

    /** The scale benchmark's messages for the options both take, and their bounds (exit 2, not a stack trace). */
    @Test
    void refusesWhatTheScaleBenchmarkRefuses() {
        assertEquals("--nodes must be >= 2, got 1", error("--nodes", "1"));
        assertEquals("--c must be >= 0, got -1", error("--nodes", "1000", "--c", "-1"));
        assertEquals("--broadcasts must be >= 1, got 0", error("--nodes", "1000", "--broadcasts", "0"));
        assertEquals("--broadcasts must be >= 1, got -1", error("--nodes", "1000", "--broadcasts", "-1"));
        // An integer too large is out of range, not "no integer".
        assertEquals("--nodes must be an integer in [2, 2147483647], got '99999999999'",
                error("--nodes", "99999999999"));
        assertEquals("--c must be an integer in [0, 2147483647], got '3000000000'",
                error("--nodes", "10", "--c", "3000000000"));
        assertEquals("--seed must be an integer, got '1e3'", error("--nodes", "10", "--seed", "1e3"));
        assertEquals("--seed must be an integer in [-9223372036854775808, 9223372036854775807], got"
                + " '99999999999999999999'", error("--nodes", "10", "--seed", "99999999999999999999"));
    }

    /** Broadcasts past a scenario's bound, or bits that cannot fit the heap, are refused before the run. */
    @Test
    void refusesBroadcastsThatCannotBeHeld() {
        assertEquals("--broadcasts must be at most 1,000,000, as in a scenario (each takes a bit per node here),"
                + " got 2,000,000,000", error("--nodes", "10", "--broadcasts", "2000000000"));
        assertEquals(1_000_000, ScampCeiling.parse(new String[] {"--nodes", "10", "--broadcasts", "1000000"})
                .broadcasts());
        // 10^6 broadcasts over 10^6 nodes: 125 GB of bits, more than any heap a test gets.
        assertTrue(assertThrows(IllegalStateException.class, () -> ScampCeiling.run(new String[] {"--nodes",
                "1000000", "--broadcasts", "1000000"}, PhaseWatcher.NONE)).getMessage().startsWith("--nodes 1000000"
                + " and --broadcasts 1000000 need 116.9 GB of heap before the run starts (488 MB for the nodes'"
                + " slots, 116.4 GB for a bit per node and broadcast), more than the "));
        assertEquals("--nodes 100000 and --broadcasts 10 need 49 MB of heap before the run starts (49 MB for the"
                + " nodes' slots, 122 KB for a bit per node and broadcast), more than the 32 MB this JVM may use"
                + " (-Xmx; BENCH_JVM_OPTS=-Xmx... gives it more)", assertThrows(IllegalStateException.class,
                        () -> ScampCeiling.requireHeap(100_000, 10, 32L << 20)).getMessage());
        ScampCeiling.requireHeap(100_000, 10, 64L << 20);
    }

    @Test
    void refusesWhatTheLoopCannotHold() {
        assertEquals("--nodes must be at most 16777215 here (every node's slot of 128 ints lies in one Java array),"
                + " got 30000000", error("--nodes", "30000000"));
        assertEquals("--c must be <= 16 with 1000 nodes, got 5000 (PartialViews average about (c+1)·ln N ids;"
                + " a node holds at most 124 here)", error("--nodes", "1000", "--c", "5000"));
        assertEquals(16, ScampCeiling.parse(new String[] {"--nodes", "1000", "--c", "16"}).c());
        // With at most 124 other nodes no PartialView can outgrow its slot, but views must fit the group, as
        // for the scale benchmark (at 125 nodes, c = 5000 ran out of heap with advice to run fewer nodes).
        assertEquals("--c must be <= 24 with 125 nodes, got 5000 (PartialViews average about (c+1)·ln N ids;"
                + " a node holds at most the 124 others)", error("--nodes", "125", "--c", "5000"));
        assertEquals(24, ScampCeiling.parse(new String[] {"--nodes", "125", "--c", "24"}).c());
        assertEquals(24, ScampCeiling.largestC(125));
        assertEquals(1, ScampCeiling.largestC(2), "the default, whatever N");
        assertEquals(24, ScampCeiling.largestC(126));
        assertEquals(6, ScampCeiling.largestC(LeanNodes.MAX_NODES));
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ScampCeiling.parse(args)).getMessage();
    }
}
