package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.DropReason;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.run.ScaleRun;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arena (all nodes in primitive arrays, messages as primitives) must give exactly the results of
 * one {@code ScampNode} object per node: every result table, counter and drop, on scenarios that
 * exercise each of its rules (retransmission, redirection after crashes, unacknowledged messages,
 * hop limits, duplicate memory capacity and age, partitions, concurrent joins with ties).
 */
class ArenaEquivalenceTest {
    private static final TimelineAction.NodeSelection THIRD = new TimelineAction.NodeSelection(0.3, null);

    @Test
    void sequentialJoinsAndBroadcastsUnderLoss() {
        assertSameResults(TestScenarios.scenario("seq", 11, 300, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.1), 300_000, 330_000,
                new TimelineAction.Broadcast(305_000, 10, 1_000, -1, 64)));
    }

    @Test
    void concurrentJoinsHeavyLossAndCrashesRedirectCopies() {
        ProtocolConfig c0 = ProtocolConfig.builder().c(0).noHeartbeats().indirection(false)
                .retransmitTimeoutMillis(50).maxAttempts(3).build();
        RunResult r = assertSameResults(TestScenarios.scenario("crash", 12, 500, c0,
                TestScenarios.uniformNetwork(0.25), 5_000, 40_000,
                new TimelineAction.Crash(3_000, THIRD),
                new TimelineAction.Broadcast(20_000, 5, 500, -1, 16)));
        assertTrue(r.nodeDrops()[DropReason.RETRANSMIT_EXHAUSTED.ordinal()] > 0, "no copy was redirected");
    }

    @Test
    void unacknowledgedMessagesHopLimitAndSmallDuplicateMemory() {
        ProtocolConfig p = ProtocolConfig.builder().c(2).noHeartbeats().indirection(false).maxAttempts(1)
                .gossipHopLimit(3).duplicateMemoryCapacity(2).duplicateMemoryAgeMillis(150).build();
        RunResult r = assertSameResults(TestScenarios.scenario("limits", 13, 400, p,
                TestScenarios.uniformNetwork(0.05), 40_000, 60_000,
                new TimelineAction.Broadcast(41_000, 30, 100, -1, 8)));
        assertTrue(r.nodeDrops()[DropReason.GOSSIP_HOP_LIMIT.ordinal()] > 0, "the hop limit never applied");
    }

    @Test
    void manyOverlappingBroadcastsInLongDuplicateMemories() {
        // 80 broadcasts 2 ms apart: every node remembers dozens of messages while copies of the
        // first ones are still arriving, after newer ones, so the record's check must find old
        // messages behind new ones (not only the newest) and know an old message it never had;
        // an entry lost or misdated would show as a second delivery or a missed one.
        RunResult r = assertSameResults(TestScenarios.scenario("many", 16, 200, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.1), 20_000, 40_000,
                new TimelineAction.Broadcast(21_000, 80, 2, -1, 8)));
        assertEquals(80, r.broadcasts().size());
    }

    @Test
    void partitionHealAndCrashChurn() {
        assertSameResults(TestScenarios.scenario("churn", 14, 600, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.1), 60_000, 120_000,
                new TimelineAction.Churn(61_000, 100_000, 0, 2, true),
                new TimelineAction.Partition(62_000, 75_000, List.of(0.5, 0.5)),
                new TimelineAction.Broadcast(70_000, 20, 1_000, -1, 32)));
    }

    @Test
    void heartbeatsAndIsolationRecoveryThroughAPartitionAndCrashes() {
        // A partition longer than the isolation timeout leaves some nodes hearing nothing (every
        // in-neighbour on the other side): they re-subscribe, often through a member they cannot
        // reach, whose copies are then redirected; crashed nodes stop heartbeating for good.
        ProtocolConfig p = ProtocolConfig.builder().indirection(false).heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(4_000).build();
        RunResult r = assertSameResults(TestScenarios.scenario("isolation", 17, 300, p,
                TestScenarios.uniformNetwork(0.1), 30_000, 80_000,
                new TimelineAction.Partition(40_000, 52_000, List.of(0.5, 0.5)),
                new TimelineAction.Crash(56_000, THIRD),
                new TimelineAction.Broadcast(60_000, 10, 1_000, -1, 32)));
        assertSentMoreThan(r, MessageType.HEARTBEAT, 100_000);
        assertSentMoreThan(r, MessageType.SUBSCRIBE, 350); // 300 joins, then re-subscriptions after isolation
    }

    @Test
    void theDefaultProtocolWithItsWalkThroughCrashesAndAPartition() {
        // The defaults: heartbeats every second, isolation after 10 s, the indirection walk with
        // adoption (and the Unlink of the entry point it replaces), concurrent joins.
        RunResult r = assertSameResults(TestScenarios.scenario("defaults", 18, 400, ProtocolConfig.defaults(),
                TestScenarios.uniformNetwork(0.1), 8_000, 70_000,
                new TimelineAction.Partition(20_000, 34_000, List.of(0.3, 0.7)),
                new TimelineAction.Crash(38_000, THIRD),
                new TimelineAction.Broadcast(45_000, 10, 1_000, -1, 32)));
        assertSentMoreThan(r, MessageType.WALK, 2_000);
        assertSentMoreThan(r, MessageType.ADOPT, 300);
        assertSentMoreThan(r, MessageType.UNLINK, 300);
    }

    @Test
    void gracefulLeavesUnderChurnAndAnUnsubscription() {
        // The paper's unsubscription (Replace to the first in-neighbours, Remove to the last c+1,
        // Unlink to the out-neighbours), departed nodes answering late senders, joins into the
        // slots the churn opens, with the default protocol's heartbeats and walk around them.
        RunResult r = assertSameResultsUnderChurn("leaves", 19, 700, ProtocolConfig.defaults(), 30_000);
        assertSentMoreThan(r, MessageType.REPLACE, 500);
        assertSentMoreThan(r, MessageType.REMOVE, 200);
    }

    @Test
    void leasesExpireAndRenewThroughCrashesAndLoss() {
        // Leases of 10 s over joins through one contact and a crash of a third: arcs expire (their
        // targets told by Unlinks), InView entries of crashed holders are forgotten, every member
        // renews with a fixed number of copies (clamped at the forward limit), and the first lease
        // of each node is drawn from its generator.
        ProtocolConfig p =
                TestScenarios.quietProtocol().toBuilder().leaseDurationMillis(10_000).forwardLimit(6).build();
        RunResult r = assertSameResults(TestScenarios.scenario("leases", 15, 300, p,
                TestScenarios.uniformNetwork(0.1), 30_000, 70_000,
                new TimelineAction.Crash(35_000, THIRD),
                new TimelineAction.Broadcast(60_000, 10, 500, -1, 32)));
        assertSentMoreThan(r, MessageType.SUBSCRIBE, 1_500); // 300 joins, then a renewal per member every ~10 s
        assertSentMoreThan(r, MessageType.UNLINK, 500);
        assertTrue(r.nodeDrops()[DropReason.RENEWAL_COPIES_CLAMPED.ordinal()] > 0, "no renewal was clamped");
    }

    @Test
    void theDefaultProtocolWithLeasesUnderChurnAndAnUnsubscription() {
        // Leases beside heartbeats, isolation recovery, the walk (renewals skip it) and graceful leaves.
        ProtocolConfig p = ProtocolConfig.defaults().toBuilder().leaseDurationMillis(8_000).build();
        RunResult r = assertSameResultsUnderChurn("lease-churn", 20, 500, p, 20_000);
        assertSentMoreThan(r, MessageType.WALK, 1_000);
        assertSentMoreThan(r, MessageType.SUBSCRIBE, 2_000);
        assertSentMoreThan(r, MessageType.REPLACE, 200);
    }

    /**
     * Joins until {@code joined}, then 40 s of churn with graceful leaves (4 out, 4 in, per second),
     * 30 broadcasts and an unsubscription of a tenth of the group, 60 s in all.
     */
    private static RunResult assertSameResultsUnderChurn(String name, long seed, int nodes, ProtocolConfig p,
            long joined) {
        return assertSameResults(TestScenarios.scenario(name, seed, nodes, p, TestScenarios.uniformNetwork(0.1),
                joined, joined + 60_000,
                new TimelineAction.Churn(joined + 5_000, joined + 45_000, 4, 4, false),
                new TimelineAction.Broadcast(joined + 10_000, 30, 1_000, -1, 32),
                new TimelineAction.Unsubscribe(joined + 20_000, new TimelineAction.NodeSelection(0.1, null))));
    }

    @Test
    void theScaleBenchmarkRunsOnTheArenaWithTheSameResults() {
        Scenario scale = ScaleRun.scenario(new ScaleRun.Options(2_000, 1, 3, 5));
        assertNull(NodeRepresentation.whyNotArena(scale));
        assertEquals(NodeRepresentation.ARENA, NodeRepresentation.choose(scale, MembershipSpec.Type.SCAMP));
        assertSameResults(scale);
    }

    @Test
    void scenariosOutsideTheArenaRunOnObjectsAndTheArenaRefusesThem() {
        Scenario longMemory = TestScenarios.scenario("memory", 15, 50,
                TestScenarios.quietProtocol().toBuilder().duplicateMemoryAgeMillis(5_000_000).build(),
                TestScenarios.uniformNetwork(0), 1_000, 2_000);
        assertEquals(NodeRepresentation.OBJECTS, NodeRepresentation.choose(longMemory, MembershipSpec.Type.SCAMP));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Simulation(setup(longMemory), NodeRepresentation.ARENA));
        assertTrue(e.getMessage().contains("does not support"), e.getMessage());
        assertEquals(NodeRepresentation.OBJECTS, NodeRepresentation.choose(
                TestScenarios.scenario("global", 1, 10, TestScenarios.quietProtocol(),
                        TestScenarios.uniformNetwork(0), 100, 200),
                MembershipSpec.Type.GLOBAL));
    }

    @Test
    void aRunSaysHowItHoldsItsNodesAndWhyNotInTheArena() {
        Scenario arena = TestScenarios.scenario("a", 1, 10, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0), 100, 200);
        Scenario longMemory = TestScenarios.scenario("m", 1, 10,
                ProtocolConfig.defaults().toBuilder().duplicateMemoryAgeMillis(5_000_000).build(),
                TestScenarios.uniformNetwork(0), 100, 200);
        assertEquals("nodes: ScampArena (primitive arrays)",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, null, arena)), null)));
        assertEquals("nodes: ScampNode objects (the arena does not run a duplicate memory age above 4294967 ms)",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, null, longMemory)), null)));
        assertEquals("nodes: ScampArena (primitive arrays) at point 1; ScampNode objects (the arena does not run "
                + "a duplicate memory age above 4294967 ms) at point 0",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, "a", longMemory),
                        new RunPlan.Point(1, "b", arena)), "protocol.duplicateMemoryAgeMillis")));
        assertEquals("nodes: ScampArena (primitive arrays) at points 1, 2; ScampNode objects (the arena does not "
                + "run a duplicate memory age above 4294967 ms) at point 0",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, "a", longMemory),
                        new RunPlan.Point(1, "b", arena), new RunPlan.Point(2, "c", arena)),
                        "protocol.duplicateMemoryAgeMillis")));
        Scenario defaults = TestScenarios.scenario("d", 1, 10, ProtocolConfig.defaults(),
                TestScenarios.uniformNetwork(0), 100, 200);
        assertEquals("nodes: ScampArena (primitive arrays)",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, null, defaults)), null)),
                "the defaults (heartbeats, isolation recovery, the walk) run in the arena");
        Scenario years = TestScenarios.scenario("y", 1, 10, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0), 100, ScampArena.TIME_LIMIT_MICROS / 1_000.0);
        assertEquals("nodes: ScampNode objects (the arena does not run runs that reach 8.9 years of virtual time,"
                + " timers included)",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, null, years)), null)));
        Scenario leases = TestScenarios.scenario("l", 1, 10,
                ProtocolConfig.defaults().toBuilder().leaseDurationMillis(30_000).build(),
                TestScenarios.uniformNetwork(0), 100, 200);
        assertEquals("nodes: ScampArena (primitive arrays)",
                NodeRepresentation.describe(new RunPlan(List.of(new RunPlan.Point(0, null, leases)), null)),
                "leases run in the arena");
    }

    private static RunSetup setup(Scenario s) {
        return new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, s.seed() * 31 + 7, s.seed() * 17 + 3);
    }

    /** Guards a scenario: it exercised the rule it is named for (a comparison of nothing proves nothing). */
    private static void assertSentMoreThan(RunResult r, MessageType type, long least) {
        long sent = r.sentByType()[type.ordinal()];
        assertTrue(sent > least, type + " sent: " + sent + ", expected more than " + least);
    }

    /** One run of {@code scenario} with its nodes held as {@code representation}, reading ahead or not. */
    private static RunResult run(Scenario scenario, NodeRepresentation representation, boolean readAhead) {
        Simulation simulation = new Simulation(setup(scenario), representation);
        simulation.readAhead(readAhead);
        return simulation.run(ProgressSink.NONE);
    }

    /**
     * The same with the appender storing the queue's events on a second thread: from the first
     * drained bucket on ({@code above = 0}), or switching on and off as buckets fill and empty.
     */
    private static RunResult runAppending(Scenario scenario, NodeRepresentation representation, int above,
            int below) {
        Simulation simulation = new Simulation(setup(scenario), representation);
        simulation.useAppender(above, below);
        return simulation.run(ProgressSink.NONE);
    }

    private static RunResult assertSameResults(Scenario scenario) {
        RunResult objects = run(scenario, NodeRepresentation.OBJECTS, false);
        RunResult arena = run(scenario, NodeRepresentation.ARENA, false);
        // Reading ahead (done from 50,000 nodes) must change nothing either: force it on at this size,
        // for the objects as for the arena.
        RunResult objectsAhead = run(scenario, NodeRepresentation.OBJECTS, true);
        RunResult arenaReadingAhead = run(scenario, NodeRepresentation.ARENA, true);
        assertTrue(objects.events() > 1_000, "too small to compare: " + objects.events() + " events");
        assertNotEquals(0, objects.broadcasts().size() + objects.nodes().size());
        assertEquals(describe(objects), describe(arena));
        assertEquals(describe(objects), describe(arenaReadingAhead), "with reading ahead");
        assertEquals(describe(objects), describe(objectsAhead), "ScampNode objects with reading ahead");
        // Nor must a second thread storing the queue's events (done from 50,000 nodes on a spare core).
        assertEquals(describe(objects), describe(runAppending(scenario, NodeRepresentation.ARENA, 0, 0)),
                "with the appender storing every event");
        assertEquals(describe(objects), describe(runAppending(scenario, NodeRepresentation.OBJECTS, 4, 2)),
                "ScampNode objects with the appender switching on and off");
        return arena;
    }

    /** Every field of a result, arrays included, as text: equal text = equal result files. */
    static String describe(RunResult r) {
        StringBuilder s = new StringBuilder();
        s.append("fanout=").append(r.fanout()).append(" events=").append(r.events())
                .append(" end=").append(r.endMicros()).append('\n');
        s.append("sent=").append(Arrays.toString(r.sentByType())).append('\n');
        s.append("networkDrops=").append(Arrays.toString(r.networkDrops())).append('\n');
        s.append("nodeDrops=").append(Arrays.toString(r.nodeDrops())).append('\n');
        for (BroadcastResult b : r.broadcasts()) {
            s.append(b.index()).append(' ').append(b.origin()).append(' ').append(b.sentMicros()).append(' ')
                    .append(b.liveNodes()).append(' ').append(b.reached()).append(' ').append(b.t50Micros())
                    .append(' ').append(b.t99Micros()).append(' ').append(b.t100Micros()).append(' ')
                    .append(b.maxHops()).append(' ').append(b.messages()).append(' ').append(b.duplicates())
                    .append(' ').append(Arrays.toString(b.coverageCurve())).append('\n');
        }
        for (int slot = 0; slot < r.nodes().size(); slot++) {
            s.append("node ").append(slot).append(' ').append(r.nodes().alive(slot)).append(' ')
                    .append(r.nodes().partialView(slot)).append(' ').append(r.nodes().inView(slot)).append(' ')
                    .append(r.nodes().messagesSent(slot)).append(' ').append(r.nodes().messagesReceived(slot))
                    .append('\n');
        }
        r.timeline().forEach(t -> s.append(t).append('\n'));
        r.eventRows().forEach(e -> s.append(e).append('\n'));
        return s.toString();
    }
}
