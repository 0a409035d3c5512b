package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ScampNode;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import org.junit.jupiter.api.Test;

/** Invariants of the views the engine leaves behind, checked on the nodes themselves. */
class ViewInvariantsTest {
    private static Simulation runToEnd(Scenario s) {
        Simulation sim = new Simulation(new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, 99, 98));
        sim.run(ProgressSink.NONE);
        return sim;
    }

    @Test
    void everyPartialViewArcIsMirroredInAnInViewWhenMembershipMessagesAreReliable() {
        Scenario s = TestScenarios.scenario("arcs", 21, 500, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.10), 500_000, 560_000);
        Simulation sim = runToEnd(s);
        long arcs = 0;
        for (int i = 0; i < 500; i++) {
            ScampNode node = sim.node(i);
            for (int j : node.partialView()) {
                assertTrue(j != i, "self-loop at " + i);
                assertTrue(sim.node(j).inViewContains(i), i + " -> " + j + " has no InView entry at " + j);
                arcs++;
            }
        }
        long inArcs = 0;
        for (int i = 0; i < 500; i++) {
            inArcs += sim.node(i).inViewSize();
        }
        assertEquals(arcs, inArcs);
    }

    @Test
    void noLiveNodeStillHoldsANodeThatUnsubscribedAlone() {
        // One leave every 5 s: each unsubscription completes before the next starts. (Simultaneous
        // leaves can hand a node a replacement that is itself leaving; see docs/simulator-engine.md.)
        TimelineAction[] leaves = new TimelineAction[40];
        for (int k = 0; k < leaves.length; k++) {
            leaves[k] = new TimelineAction.Unsubscribe(410_000 + 5_000.0 * k,
                    new TimelineAction.NodeSelection(null, java.util.List.of(7 * k + 3)));
        }
        Scenario s = TestScenarios.scenario("leave", 22, 400, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.05), 400_000, 640_000, leaves);
        Simulation sim = runToEnd(s);
        NodeTable table = sim.table();
        assertEquals(360, table.liveCount());
        for (int i = 0; i < 400; i++) {
            if (!table.isLive(i)) {
                assertTrue(sim.node(i).hasLeft());
                continue;
            }
            for (int j : sim.node(i).partialView()) {
                assertTrue(table.isLive(j), i + " still holds " + j + " which left");
            }
            for (int j : sim.node(i).inView()) {
                assertFalse(sim.node(j).hasLeft(), i + " still lists " + j + " in its InView");
            }
        }
    }
}
