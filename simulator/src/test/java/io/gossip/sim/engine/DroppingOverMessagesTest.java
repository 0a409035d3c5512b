package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampArena;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.scenario.TimelineAction.NodeSelection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Arena nodes dropping each message from their duplicate memories once it is over must give the
 * runs they give without dropping, and ScampNode objects' runs: every run here is compared whole
 * three ways, and the test checks that the memories did shrink where dropping is exact and were
 * left alone where a memory can fill.
 */
class DroppingOverMessagesTest {
    private static final ProtocolConfig QUIET = TestScenarios.quietProtocol();

    @Test
    void manyBroadcastsLeaveOnlyTheTravellingOnesInMemory() {
        // 60 broadcasts 250 ms apart: without dropping each node remembers all of them (ten minutes).
        Scenario s = scenario("many", 21, 400, QUIET, 0.1, 3_000, 25_000,
                new TimelineAction.Broadcast(4_000, 60, 250, -1, 16));
        Memories m = compare(s);
        assertTrue(m.largestKept >= 55, "without dropping: " + m.largestKept);
        assertTrue(m.largestDropping <= 6, "with dropping: " + m.largestDropping);
    }

    @Test
    void moreBroadcastsTravellingThanHolderBits() {
        // 150 broadcasts 10 ms apart, each travelling for several hundred ms: a message's holder
        // bits go to a newer one 320 ms after it was sent while its copies still travel, so its late
        // copies are answered from the records, and dropping a message before it is over would
        // make them look new.
        Scenario s = scenario("dense", 25, 300, QUIET, 0.1, 3_000, 8_000,
                new TimelineAction.Broadcast(4_000, 150, 10, -1, 16));
        Memories m = compare(s);
        assertTrue(m.largestKept >= 145 && m.largestDropping <= 100, m.largestDropping + " against " + m.largestKept);
    }

    @Test
    void crashingAndLeavingChurnWithAPartition() {
        Scenario s = scenario("churn", 22, 300, QUIET, 0.1, 3_000, 14_000,
                new TimelineAction.Churn(3_000, 14_000, 15, 15, true),
                new TimelineAction.Broadcast(4_000, 20, 500, -1, 16),
                new TimelineAction.Unsubscribe(6_000, new NodeSelection(0.1, null)),
                new TimelineAction.Partition(7_000, 9_000, List.of(0.5, 0.5)));
        Memories m = compare(s);
        assertTrue(m.largestDropping < m.largestKept / 2, m.largestDropping + " against " + m.largestKept);
    }

    @Test
    void aShortAgeBoundAndASmallMemoryAtTheLimit() {
        // Age bound 2 s: at most 17 broadcasts 250 ms apart within two of them, half the capacity of
        // 34: dropping is on, and any memory that could fill would stop the run.
        ProtocolConfig tight = QUIET.toBuilder().duplicateMemoryCapacity(34)
                .duplicateMemoryAgeMillis(2_000).build();
        Scenario s = scenario("tight", 23, 300, tight, 0.15, 3_000, 20_000,
                new TimelineAction.Broadcast(4_000, 50, 250, -1, 16));
        assertTrue(EarlyForgetting.exact(s.timeline(), tight));
        Memories m = compare(s);
        assertTrue(m.largestKept >= 8 && m.largestDropping <= 5, m.largestDropping + " against " + m.largestKept);
    }

    @Test
    void aMemoryThatCanFillIsLeftAlone() {
        // 60 broadcasts, a memory of 16 with no age bound: memories fill and push their oldest out,
        // so nothing may be dropped early.
        ProtocolConfig small = QUIET.toBuilder().duplicateMemoryCapacity(16)
                .duplicateMemoryAgeMillis(0).build();
        Scenario s = scenario("small", 24, 300, small, 0.1, 3_000, 25_000,
                new TimelineAction.Broadcast(4_000, 60, 250, -1, 16));
        assertFalse(EarlyForgetting.exact(s.timeline(), small));
        Memories m = compare(s);
        assertEquals(16, m.largestKept);
        assertEquals(16, m.largestDropping);
    }

    @Test
    void whichTimelinesMayDrop() {
        ProtocolConfig tenMinutes = QUIET.toBuilder().duplicateMemoryCapacity(4_096).build();
        // A broadcast a second for a day: 1,201 within twenty minutes.
        assertTrue(EarlyForgetting.exact(List.of(broadcasts(0, 86_400, 1_000)), tenMinutes));
        // 2,048 within twenty minutes is half the capacity; 2,049 is more.
        assertTrue(EarlyForgetting.exact(List.of(broadcasts(0, 100_000, 1_200_000.0 / 2_047)), tenMinutes));
        assertFalse(EarlyForgetting.exact(List.of(broadcasts(0, 100_000, 1_200_000.0 / 2_048)), tenMinutes));
        // Two actions count as if they overlapped; one at a single moment counts whole.
        assertFalse(EarlyForgetting.exact(List.of(broadcasts(0, 86_400, 1_000), broadcasts(0, 86_400, 1_000)),
                tenMinutes));
        assertTrue(EarlyForgetting.exact(List.of(broadcasts(0, 2_048, 0)), tenMinutes));
        assertFalse(EarlyForgetting.exact(List.of(broadcasts(0, 2_049, 0)), tenMinutes));
        // No age bound: every broadcast of the run counts.
        ProtocolConfig forEver = QUIET.toBuilder().duplicateMemoryAgeMillis(0).build();
        assertTrue(EarlyForgetting.exact(List.of(broadcasts(0, 2_048, 3_600_000)), forEver));
        assertFalse(EarlyForgetting.exact(List.of(broadcasts(0, 2_049, 3_600_000)), forEver));
        assertTrue(EarlyForgetting.exact(List.of(new TimelineAction.Join(0, 10, 0,
                TimelineAction.Join.Contacts.UNIFORM)), forEver));
    }

    @Test
    void aMessageOverOnlyAfterTheAgeBoundIsKept() {
        ProtocolConfig tenSeconds = QUIET.toBuilder().duplicateMemoryAgeMillis(10_000).build();
        assertTrue(EarlyForgetting.drops(tenSeconds, 5_000_000, 15_000_000));
        assertFalse(EarlyForgetting.drops(tenSeconds, 5_000_000, 15_000_001));
        ProtocolConfig forEver = QUIET.toBuilder().duplicateMemoryAgeMillis(0).build();
        assertTrue(EarlyForgetting.drops(forEver, 0, Long.MAX_VALUE / 2));
    }

    private record Memories(int largestKept, int largestDropping) {
    }

    /**
     * Runs {@code s} on ScampNode objects, on the arena without dropping and with it; asserts the
     * three give the same run; returns the largest duplicate memory at the end of each arena run.
     */
    private static Memories compare(Scenario s) {
        String objects =
                ArenaEquivalenceTest.describe(simulation(s, NodeRepresentation.OBJECTS).run(ProgressSink.NONE));
        Simulation kept = simulation(s, NodeRepresentation.ARENA);
        kept.dropOverMessages(false);
        assertEquals(objects, ArenaEquivalenceTest.describe(kept.run(ProgressSink.NONE)), "arena without dropping");
        Simulation dropping = simulation(s, NodeRepresentation.ARENA);
        assertEquals(objects, ArenaEquivalenceTest.describe(dropping.run(ProgressSink.NONE)), "arena dropping");
        return new Memories(largest(kept.arena(), s.nodes()), largest(dropping.arena(), s.nodes()));
    }

    private static int largest(ScampArena arena, int nodes) {
        return IntStream.range(0, nodes).map(arena::duplicateMemorySize).max().orElseThrow();
    }

    private static TimelineAction.Broadcast broadcasts(double atMillis, int count, double intervalMillis) {
        return new TimelineAction.Broadcast(atMillis, count, intervalMillis, -1, 16);
    }

    private static Scenario scenario(String name, long seed, int nodes, ProtocolConfig protocol, double loss,
            double joinMillis, double durationMillis, TimelineAction... more) {
        return TestScenarios.scenario(name, seed, nodes, protocol, TestScenarios.uniformNetwork(loss), joinMillis,
                durationMillis, more);
    }

    private static Simulation simulation(Scenario s, NodeRepresentation representation) {
        RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, s.seed() * 31 + 7,
                s.seed() * 17 + 3);
        return new Simulation(setup, representation);
    }
}
