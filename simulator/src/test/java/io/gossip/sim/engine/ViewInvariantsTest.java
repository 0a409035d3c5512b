package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ScampArena;
import java.util.Arrays;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Invariants of the views the engine leaves behind, checked on the nodes themselves. */
class ViewInvariantsTest {
    private static Simulation runToEnd(Scenario s) {
        return runToEnd(s, NodeRepresentation.OBJECTS);
    }

    private static Simulation runToEnd(Scenario s, NodeRepresentation representation) {
        Simulation sim = new Simulation(new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, 99, 98),
                representation);
        sim.run(ProgressSink.NONE);
        return sim;
    }

    private static int[] partialView(Simulation sim, int node) {
        ScampArena arena = sim.arena();
        return arena != null ? arena.partialView(node) : sim.node(node).partialView();
    }

    private static int[] inView(Simulation sim, int node) {
        ScampArena arena = sim.arena();
        return arena != null ? arena.inView(node) : sim.node(node).inView();
    }

    @ParameterizedTest
    @EnumSource(NodeRepresentation.class)
    void everyPartialViewArcIsMirroredInAnInViewWhenMembershipMessagesAreReliable(NodeRepresentation representation) {
        Scenario s = TestScenarios.scenario("arcs", 21, 500, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.10), 500_000, 560_000);
        Simulation sim = runToEnd(s, representation);
        assertEquals(representation == NodeRepresentation.ARENA, sim.arena() != null);
        long arcs = 0;
        for (int i = 0; i < 500; i++) {
            for (int j : partialView(sim, i)) {
                assertTrue(j != i, "self-loop at " + i);
                int holder = i;
                assertTrue(Arrays.stream(inView(sim, j)).anyMatch(k -> k == holder),
                        i + " -> " + j + " has no InView entry at " + j);
                arcs++;
            }
        }
        long inArcs = 0;
        for (int i = 0; i < 500; i++) {
            inArcs += inView(sim, i).length;
        }
        assertTrue(arcs > 500, "too few arcs to mean anything: " + arcs);
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
