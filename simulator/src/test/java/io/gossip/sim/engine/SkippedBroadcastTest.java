package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timeline broadcast whose source is not live is skipped: a row of events.csv, and said once. */
class SkippedBroadcastTest {
    @Test
    void aBroadcastFromANodeThatNeverJoinedIsSkippedAndSaidOnce() {
        // Five of ten slots join; slot 7 never does.
        List<TimelineAction> timeline = List.of(
                new TimelineAction.Join(0, 5, 500, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Broadcast(2_000, 2, 500, 7, 8),
                new TimelineAction.Broadcast(4_000, 1, 0, 0, 8));
        Scenario s = new Scenario("skip", 3, 1, 10, TestScenarios.quietProtocol(), MembershipSpec.scamp(), null,
                TestScenarios.uniformNetwork(0), timeline, 6_000, new OutputSpec(1_000, 10));
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            WarningSink sink = new WarningSink();
            RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, 1, 2);
            RunResult r = new Simulation(setup, representation).run(sink);
            assertEquals(List.of("the broadcast at 2.000 s is skipped: its source, node 7, is not live (it has not"
                    + " joined yet, or it has gone). Every skipped broadcast is a row of events.csv; a skipped"
                    + " broadcast is no row of broadcasts.csv and counts in no figure."), sink.said);
            List<String> broadcastRows = r.eventRows().stream().filter(e -> e.action().equals("broadcast"))
                    .map(e -> e.timeMicros() + " " + e.detail()).toList();
            assertEquals(List.of("2000000 skipped source=7 not_live", "2500000 skipped source=7 not_live",
                    "4000000 broadcast=0 origin=0"), broadcastRows);
            assertEquals(1, r.broadcasts().size());
        }
        assertEquals("the broadcast at 1.500 s is skipped: it has a random source, and no node is live. Every"
                + " skipped broadcast is a row of events.csv; a skipped broadcast is no row of broadcasts.csv and"
                + " counts in no figure.", RunWarnings.broadcastSkipped(1_500_000, -1));
    }
}
