package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import org.junit.jupiter.api.Test;

class EndToEndTest {
    @Test
    void thousandNodesWithTenPercentLossReachAlmostEveryone() {
        Scenario s = TestScenarios.scenario("e2e", 42, 1000, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.10), 1_000_000, 1_030_000,
                new TimelineAction.Broadcast(1_010_000, 20, 200, -1, 16));
        RunResult r = TestScenarios.runScamp(s);

        assertEquals(20, r.broadcasts().size());
        double coverage = TestScenarios.meanCoverage(r);
        assertTrue(coverage >= 0.99, "mean coverage " + coverage);
        for (BroadcastResult b : r.broadcasts()) {
            assertEquals(1000, b.liveNodes());
            assertTrue(b.messages() > 1000, "a broadcast to 1000 nodes needs more than 1000 transmissions");
        }
        long sent = r.sentByType()[MessageType.GOSSIP.ordinal()];
        long lost = r.networkDrops()[NetworkDropReason.LOSS.ordinal()];
        long all = r.totalSent();
        double lossRate = (double) lost / all;
        assertTrue(Math.abs(lossRate - 0.10) < 0.01, "observed loss " + lossRate);
        assertTrue(sent > 0);
        assertTrue(r.events() > 0);
    }
}
