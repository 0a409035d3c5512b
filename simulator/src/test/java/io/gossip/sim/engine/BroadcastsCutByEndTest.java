package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A broadcast still spreading when the run ends is measured as far as it got: said once, so that a
 * truncated coverage is not read as the protocol's.
 */
class BroadcastsCutByEndTest {
    private static Scenario endingAt(double durationMillis, TimelineAction.Broadcast... broadcasts) {
        List<TimelineAction> timeline = new ArrayList<>();
        timeline.add(new TimelineAction.Join(0, 20, 500, TimelineAction.Join.Contacts.UNIFORM));
        timeline.addAll(List.of(broadcasts));
        return new Scenario("cut", 5, 1, 20, TestScenarios.quietProtocol(), MembershipSpec.scamp(), null,
                TestScenarios.uniformNetwork(0), timeline, durationMillis, new OutputSpec(1_000, 10));
    }

    private static RunResult run(Scenario s, NodeRepresentation representation, WarningSink sink) {
        return new Simulation(new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, 1, 2), representation)
                .run(sink);
    }

    @Test
    void broadcastsStillSpreadingAtTheEndAreSaidOnceWithTheCopiesCut() {
        // Two broadcasts 10 and 20 ms before the end, with latencies of 10-100 ms: both are cut short.
        Scenario s = endingAt(6_000, new TimelineAction.Broadcast(4_000, 1, 0, 0, 8),
                new TimelineAction.Broadcast(5_980, 2, 10, 3, 8));
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            WarningSink sink = new WarningSink();
            RunResult r = run(s, representation, sink);
            // Joins and their acknowledgements are long over: every copy dropped after the end is gossip.
            long cut = r.networkDrops()[NetworkDropReason.AFTER_END.ordinal()];
            assertTrue(cut > 0, representation + ": no copy was due after the end");
            assertEquals(List.of(String.format(Locale.ROOT, "2 broadcasts (the first sent at 5.980 s) still"
                    + " had %,d copies travelling when the run ended at 6.000 s: their coverage, reliability and delays"
                    + " count only what arrived before the end. Give the run more time after the last broadcast"
                    + " (durationMillis, or drainMillis without it).", cut)), sink.said, representation.toString());
            assertTrue(r.broadcasts().get(1).reached() < 20, "the cut broadcast did not reach everyone");
        }
    }

    @Test
    void aRunThatLetsItsBroadcastsSettleSaysNothing() {
        Scenario s = endingAt(6_000, new TimelineAction.Broadcast(4_000, 3, 100, 0, 8));
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            WarningSink sink = new WarningSink();
            RunResult r = run(s, representation, sink);
            assertEquals(List.of(), sink.said, representation.toString());
            assertEquals(0, r.networkDrops()[NetworkDropReason.AFTER_END.ordinal()]);
            assertEquals(3, r.broadcasts().size());
        }
    }
}
