package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.run.ScaleRun;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.scenario.TimelineAction.NodeSelection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Summarising a broadcast once it is over, against the nodes live at the end (the run's own table
 * where none leaves, else the timeline's forecast), must give the results of summarising it at the
 * end: every run here is compared whole both ways, and the test checks which broadcasts were
 * summarised at chosen moments, so that summarising too late (none early) or against the wrong
 * nodes (those live at the moment, not at the end) fails.
 */
class BroadcastSettlingTest {
    private static final TimelineAction.Join.Contacts UNIFORM = TimelineAction.Join.Contacts.UNIFORM;

    @Test
    void withoutDeparturesEachBroadcastIsSummarisedWhenTheNextOpens() {
        Scenario s = ScaleRun.scenario(new ScaleRun.Options(2_000, 1, 4, 3));
        // Its broadcasts go out a second apart after the joins (the first at 2,010 s here), each over
        // well within the second: by the last one's the three before are summarised.
        long lastBroadcast = Math.round(s.timeline().get(1).atMillis()) + 3_000;
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            assertSettled(s, MembershipSpec.Type.SCAMP, representation, 1_000 * lastBroadcast + 500_000, 4, 0, 3);
        }
    }

    @Test
    void theBaselineToo() {
        Scenario s = scenario("baseline", 4, 500, 0.1, 5_000, 20_000,
                new TimelineAction.Broadcast(8_000, 5, 1_000, -1, 16));
        assertSettled(s, MembershipSpec.Type.GLOBAL, NodeRepresentation.ARENA, 19_000_000, 5, 0, 4);
    }

    @Test
    void broadcastsBeforeACrashAreSummarisedOnceOverAgainstTheNodesLeftAfterIt() {
        // Broadcasts 0-3 a second apart before the crash of a fifth of the nodes at 12 s, 4-7 after
        // it: by 11.9 s, 0-2 are summarised, each counting only the nodes the crash will leave.
        Scenario s = scenario("crash", 5, 400, 0.1, 4_000, 25_000,
                new TimelineAction.Broadcast(8_000, 4, 1_000, -1, 16),
                new TimelineAction.Crash(12_000, new NodeSelection(0.2, null)),
                new TimelineAction.Broadcast(15_000, 4, 1_000, -1, 16));
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            assertSettled(s, MembershipSpec.Type.SCAMP, representation, 11_900_000, 8, 0, 3);
            assertSettled(s, MembershipSpec.Type.SCAMP, representation, 24_000_000, 8, 0, 7);
        }
    }

    @Test
    void broadcastsDuringChurnWithLeavesAreSummarisedOnceOver() {
        // Leaves (graceful) and joins until 14 s, broadcasts at 6 to 15 s, and a partition that drops
        // copies between groups: each is summarised when the next opens, before the leaves end.
        Scenario s = scenario("churn", 6, 400, 0.05, 3_000, 25_000,
                new TimelineAction.Churn(5_000, 14_000, 20, 10, false),
                new TimelineAction.Broadcast(6_000, 10, 1_000, -1, 16),
                new TimelineAction.Partition(9_000, 10_000, List.of(0.5, 0.5)));
        assertSettled(s, 10_500_000, 10, 0, 4);
        assertSettled(s, 15_500_000, 10, 0, 9);
    }

    @Test
    void crashingChurnToTheEndOfTheRun() {
        // Crashes and joins until the run's last second, a broadcast every 500 ms: the case whose
        // tables were all kept to the end while summaries waited for the last departure.
        Scenario s = scenario("crash-churn", 9, 300, 0.1, 3_000, 12_000,
                new TimelineAction.Churn(3_000, 12_000, 15, 15, true),
                new TimelineAction.Broadcast(4_000, 15, 500, -1, 16));
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            assertSettled(s, MembershipSpec.Type.SCAMP, representation, 11_200_000, 15, 0, 14);
        }
    }

    @Test
    void churnWithoutLeavesEndsNoNode() {
        Scenario s = scenario("joins-only", 7, 500, 0.1, 3_000, 20_000,
                new TimelineAction.Churn(3_000, 15_000, 20, 0, true),
                new TimelineAction.Broadcast(5_000, 6, 1_000, -1, 16));
        assertSettled(s, 19_000_000, 6, 0, 5);
    }

    @Test
    void aBroadcastStillSpreadingIsNotSummarised() {
        // Broadcasts 20 ms apart: each is still spreading when the next opens.
        Scenario s = scenario("overlapping", 8, 300, 0.1, 3_000, 10_000,
                new TimelineAction.Broadcast(6_000, 5, 20, -1, 16),
                new TimelineAction.Broadcast(8_000, 1, 0, -1, 16));
        assertSettled(s, 6_090_000, 6, 0, 0);
        assertSettled(s, 9_000_000, 6, 0, 5);
    }

    @Test
    void whichTimelinesEndNodes() {
        assertFalse(TimelineDriver.endsNodes(List.of(
                new TimelineAction.Join(0, 10, 0, UNIFORM), new TimelineAction.Partition(5, 9, List.of(0.5, 0.5)),
                new TimelineAction.Churn(1, 99_000, 3, 0, true))));
        assertTrue(TimelineDriver.endsNodes(List.of(new TimelineAction.Unsubscribe(7, new NodeSelection(0.1, null)))));
        assertTrue(TimelineDriver.endsNodes(
                List.of(new TimelineAction.Crash(2.5, new NodeSelection(null, List.of(1))))));
        assertTrue(TimelineDriver.endsNodes(List.of(new TimelineAction.Churn(10_000, 40_000, 0, 1, false))));
    }

    @Test
    void receiptsLaterThanAnIntOfMicrosecondsKeepTheirDelay() {
        // A latency of 50 minutes (a constant of 3,000,000 ms, or a region that far): the delays were
        // kept in an int of microseconds and cut at 2,147.48 s, which t50 to t100 then reported.
        NodeTable run = new NodeTable(3);
        for (int i = 0; i < 3; i++) {
            run.join();
        }
        BroadcastTracker tracker = new BroadcastTracker(3);
        int b = tracker.open(0, 1_000, 3);
        tracker.firstReceipt(b, 1, 1_000 + 3_000_000_000L, 1);
        tracker.firstReceipt(b, 2, 1_000 + 6_000_000_000L, 2);
        BroadcastResult r = tracker.results(run, 10_000).get(0);
        assertEquals(3_000_000_000L, r.t50Micros());
        assertEquals(6_000_000_000L, r.t100Micros());
        assertEquals(600_001, r.coverageCurve().length);
    }

    @Test
    void aNodeLeavingThatTheForecastKeepsIsRefused() {
        BitSet goneByEnd = new BitSet();
        goneByEnd.set(2);
        BroadcastTracker tracker = new BroadcastTracker(10);
        tracker.settleEarly(goneByEnd, 1_000);
        tracker.nodeLeaving(2, 5_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tracker.nodeLeaving(3, 5_001));
        assertTrue(e.getMessage().contains("node 3 leaves at 5001 µs"), e.getMessage());

        BroadcastTracker noneGoes = new BroadcastTracker(10);
        noneGoes.settleEarly(new BitSet(), 1_000);
        assertThrows(IllegalStateException.class, () -> noneGoes.nodeLeaving(0, 1));
    }

    @Test
    void anEndOtherThanTheForecastIsRefused() {
        BitSet goneByEnd = new BitSet();
        goneByEnd.set(1);
        NodeTable run = new NodeTable(10);
        for (int i = 0; i < 4; i++) {
            run.join();
        }
        run.end(1, NodeTable.CRASHED);
        BroadcastTracker agreeing = new BroadcastTracker(10);
        agreeing.settleEarly(goneByEnd, 1_000);
        assertEquals(List.of(), agreeing.results(run, 1_000));

        run.end(3, NodeTable.LEFT);
        BroadcastTracker differing = new BroadcastTracker(10);
        differing.settleEarly(goneByEnd, 1_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> differing.results(run, 1_000));
        assertTrue(e.getMessage().contains("node 3 is not live at the end of the run, but in the timeline's"),
                e.getMessage());

        goneByEnd.set(3);
        goneByEnd.set(5);
        BroadcastTracker forecastMore = new BroadcastTracker(10);
        forecastMore.settleEarly(goneByEnd, 1_000);
        e = assertThrows(IllegalStateException.class, () -> forecastMore.results(run, 1_000));
        assertTrue(e.getMessage().contains("node 5 is live at the end of the run, but not in"), e.getMessage());
    }

    /** {@code nodes} joining over {@code joinMillis} with uniform 10-100 ms latency, then {@code more}. */
    private static Scenario scenario(String name, long seed, int nodes, double loss, double joinMillis,
            double durationMillis, TimelineAction... more) {
        return TestScenarios.scenario(name, seed, nodes, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(loss), joinMillis, durationMillis, more);
    }

    /** The next {@code assertSettled} for SCAMP in the arena. */
    private static void assertSettled(Scenario s, long atMicros, int count, int from, int to) {
        assertSettled(s, MembershipSpec.Type.SCAMP, NodeRepresentation.ARENA, atMicros, count, from, to);
    }

    /**
     * Runs {@code s} summarising every broadcast at the end, then as soon as possible, asserts the
     * same results and that at {@code atMicros} broadcasts {@code from} (inclusive) to {@code to}
     * (exclusive) of {@code count} were summarised, and at the end all of them.
     */
    private static void assertSettled(Scenario s, MembershipSpec.Type type, NodeRepresentation representation,
            long atMicros, int count, int from, int to) {
        Simulation atEnd = simulation(s, type, representation);
        atEnd.settleBroadcastsEarly(false);
        List<Integer> settledAtEnd = new ArrayList<>();
        atEnd.observeAt(atMicros, t -> settledAtEnd.addAll(settled(atEnd.tracker())));
        String expected = ArenaEquivalenceTest.describe(atEnd.run(ProgressSink.NONE));
        assertEquals(List.of(), settledAtEnd, "summarised early when told not to");

        Simulation early = simulation(s, type, representation);
        List<Integer> settledEarly = new ArrayList<>();
        early.observeAt(atMicros, t -> settledEarly.addAll(settled(early.tracker())));
        RunResult result = early.run(ProgressSink.NONE);
        assertEquals(expected, ArenaEquivalenceTest.describe(result), type + " " + representation);
        assertEquals(count, early.tracker().count());
        assertEquals(IntStream.range(from, to).boxed().toList(), settledEarly, "summarised at " + atMicros + " µs");
        assertEquals(IntStream.range(0, count).boxed().toList(), settled(early.tracker()), "at the end");
    }

    private static List<Integer> settled(BroadcastTracker tracker) {
        return IntStream.range(0, tracker.count()).filter(tracker::isSettled).boxed().toList();
    }

    private static Simulation simulation(Scenario s, MembershipSpec.Type type, NodeRepresentation representation) {
        RunSetup setup = new RunSetup(new RunKey(0, type, 0), s,
                type == MembershipSpec.Type.GLOBAL ? 4 : 0, s.seed() * 31 + 7, s.seed() * 17 + 3);
        return type == MembershipSpec.Type.GLOBAL ? new Simulation(setup) : new Simulation(setup, representation);
    }
}
