package io.gossip.sim.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.engine.TestScenarios;
import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import org.junit.jupiter.api.Test;

class GlobalBaselineTest {
    @Test
    void globalKnowledgeGossipReachesAboutTheSameCoverageAsScampAtTheSameFanout() {
        // c = 0 and 25 % loss keep coverage below 1, so the comparison means something.
        ProtocolConfig protocol = ProtocolConfig.builder().c(0).noHeartbeats().indirection(false).build();
        Scenario s = TestScenarios.scenario("baseline", 12, 1000, protocol, TestScenarios.uniformNetwork(0.25),
                1_000_000, 1_060_000, new TimelineAction.Broadcast(1_010_000, 40, 1_000, -1, 8));
        RunResult scamp = TestScenarios.runScamp(s);
        int fanout = (int) Math.round(TestScenarios.meanPartialView(scamp));
        RunResult global = TestScenarios.run(s, MembershipSpec.Type.GLOBAL, fanout);

        double scampCoverage = TestScenarios.meanCoverage(scamp);
        double globalCoverage = TestScenarios.meanCoverage(global);
        assertTrue(scampCoverage < 0.999, "the scenario should not be trivially complete: " + scampCoverage);
        assertEquals(globalCoverage, scampCoverage, 0.03, "SCAMP vs global knowledge");
    }

    @Test
    void globalNodesSendOnlyGossipToFanoutDistinctTargetsOncePerMessage() {
        ProtocolConfig protocol = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
        Scenario s = TestScenarios.scenario("baseline", 13, 300, protocol, TestScenarios.uniformNetwork(0),
                1_000, 20_000, new TimelineAction.Broadcast(5_000, 5, 1_000, -1, 8));
        RunResult global = TestScenarios.run(s, MembershipSpec.Type.GLOBAL, 7);
        long total = global.totalSent();
        assertEquals(total, global.sentByType()[MessageType.GOSSIP.ordinal()]);
        for (BroadcastResult b : global.broadcasts()) {
            assertEquals(300, b.liveNodes());
            assertTrue(b.reached() >= 295, "reached " + b.reached());
            // Every node that got it (the origin included) forwards exactly once, to 7 targets; with
            // no loss every copy arrives, and all but the first at each node are duplicates.
            assertEquals(b.reached() * 7L, b.messages());
            assertEquals(b.messages() - (b.reached() - 1), b.duplicates());
        }
    }

    /**
     * Half the group crashes before the broadcasts. Without a failure detector (the paper's global
     * scheme) about half of every node's copies go to crashed members and are lost; with a perfect
     * one, none: every copy arrives (no loss), as a first receipt or a duplicate.
     */
    @Test
    void withoutAFailureDetectorCopiesGoToCrashedMembersAndAreLost() {
        for (boolean knowsCrashes : new boolean[] {false, true}) {
            ProtocolConfig protocol = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
            Scenario base = TestScenarios.scenario("crashes", 14, 1000, protocol, TestScenarios.uniformNetwork(0),
                    1_000, 30_000, new TimelineAction.Crash(5_000, new TimelineAction.NodeSelection(0.5, null)),
                    new TimelineAction.Broadcast(6_000, 5, 1_000, -1, 8));
            Scenario s = new Scenario(base.name(), base.seed(), 1, base.nodes(), protocol,
                    new MembershipSpec(MembershipSpec.Type.GLOBAL, 8, knowsCrashes), null, base.network(),
                    base.timeline(), base.durationMillis(), base.output());
            RunResult global = TestScenarios.run(s, MembershipSpec.Type.GLOBAL, 8);
            for (BroadcastResult b : global.broadcasts()) {
                assertEquals(500, b.liveNodes());
                assertEquals(b.reached() * 8L, b.messages(), "every node that has it forwards once, to 8");
                long arrived = (b.reached() - 1) + b.duplicates();
                double lost = 1 - (double) arrived / b.messages();
                if (knowsCrashes) {
                    assertEquals(0, lost, 0, "a perfect detector sends to live nodes only");
                } else {
                    assertEquals(0.5, lost, 0.06, "half the members crashed: about half the copies are lost");
                }
            }
        }
    }

    /**
     * Found probing the extreme values ScenarioFuzzProperties draws: {@code membership: {type: global,
     * fanout: 2147483647}} is valid (a fanout of at least the group reaches every other member), but
     * the run allocated an array of fanout ints and failed at once with "OutOfMemoryError: Requested
     * array size exceeds VM limit", which sim run reports as a heap too small.
     */
    @Test
    void aFanoutBeyondTheMembershipSendsToEveryOtherMember() {
        ProtocolConfig protocol = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
        Scenario s = TestScenarios.scenario("everyone", 15, 20, protocol, TestScenarios.uniformNetwork(0),
                1_000, 5_000, new TimelineAction.Broadcast(2_000, 2, 500, -1, 8));
        RunResult global = TestScenarios.run(s, MembershipSpec.Type.GLOBAL, Integer.MAX_VALUE);
        for (BroadcastResult b : global.broadcasts()) {
            assertEquals(20, b.reached());
            assertEquals(20L * 19, b.messages()); // each node forwards once, to the 19 others
        }
    }
}
