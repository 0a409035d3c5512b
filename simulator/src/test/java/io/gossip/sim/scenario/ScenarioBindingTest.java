package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gossip.protocol.ProtocolConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioBindingTest {

    @Test
    void bindsEveryKeyOfAValidScenario() throws Exception {
        Scenario s = scenario(VALID);
        assertEquals("small", s.name());
        assertEquals(42, s.seed());
        assertEquals(1, s.repetitions());
        assertEquals(200, s.nodes());
        assertEquals(ProtocolConfig.defaults().toBuilder().c(2).build(), s.protocol());
        assertEquals(MembershipSpec.scamp(), s.membership());
        assertNull(s.baseline());
        assertEquals(new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(0.1)),
                s.network());
        assertEquals(List.of(
                new TimelineAction.Join(0, -1, 2000, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Crash(3000, new TimelineAction.NodeSelection(0.1, null)),
                new TimelineAction.Broadcast(4000, 5, 500, -1, 64)), s.timeline());
        assertEquals(new OutputSpec(0, 10), s.output());
    }

    @Test
    void defaultDurationIsTheEndOfTheLastActionPlusTenSecondsOfDrain() throws Exception {
        // the last broadcast is sent at 4000 + 4 × 500 = 6000 ms
        assertEquals(16_000, scenario(VALID).durationMillis());
        assertEquals(7_000, scenario(VALID + "drainMillis: 1000\n").durationMillis());
        assertEquals(60_000, scenario(VALID + "durationMillis: 60000\n").durationMillis());
    }

    @Test
    void turningHeartbeatsOffAlsoTurnsIsolationDetectionOff() throws Exception {
        Scenario s = scenario(VALID.replace("  c: 2\n", "  c: 2\n  heartbeatPeriodMillis: 0\n"));
        assertEquals(0, s.protocol().heartbeatPeriodMillis());
        assertEquals(0, s.protocol().isolationTimeoutMillis());
    }

    @Test
    void readsEveryProtocolFieldByItsOwnName() throws Exception {
        String protocol = """
                protocol:
                  c: 3
                  forwardLimit: 50
                  heartbeatPeriodMillis: 500
                  isolationTimeoutMillis: 4000
                  leaseDurationMillis: 60000
                  indirection: false
                  walkBudget: 1.5
                  maxAttempts: 3
                  retransmitTimeoutMillis: 100
                  duplicateMemoryCapacity: 99
                  duplicateMemoryAgeMillis: 1000
                  maxPayloadBytes: 512
                  gossipHopLimit: 9
                """;
        Scenario s = scenario(VALID.replace("protocol:\n  c: 2\n", protocol));
        assertEquals(new ProtocolConfig(3, 50, 500, 4000, 60000, false, 1.5, 3, 100, 99, 1000, 512, 9),
                s.protocol());
    }

    @Test
    void readsEveryLatencyAndLossShape() throws Exception {
        assertEquals(new LatencySpec.Constant(25), scenario(VALID, "network.latency=25").network().latency());
        assertEquals(new LatencySpec.Normal(50, 5),
                scenario(VALID, "network.latency={type: normal, meanMillis: 50, stddevMillis: 5}").network().latency());
        assertEquals(new LatencySpec.LogNormal(40, 0.5),
                scenario(VALID, "network.latency={type: lognormal, medianMillis: 40, sigma: 0.5}").network().latency());
        assertEquals(new LossSpec.GilbertElliott(0.01, 0.2, 0, 1),
                scenario(VALID, "network.loss={type: gilbert-elliott, goodToBad: 0.01, badToGood: 0.2}")
                        .network().loss());
        assertEquals(new RegionsSpec(3, 1, 80),
                scenario(VALID, "network.regions={count: 3, intraRegionMillis: 1, interRegionMillis: 80}")
                        .network().regions());
    }

    @Test
    void readsEveryTimelineAction() throws Exception {
        String timeline = """
                timeline:
                  - {action: join, atMillis: 0, count: 100, contacts: single}
                  - {action: broadcast, atMillis: 10, source: 0, payloadBytes: 8}
                  - {action: unsubscribe, atMillis: 20, nodes: [1, 2]}
                  - {action: partition, atMillis: 30, untilMillis: 40, fractions: [1, 3]}
                  - {action: churn, atMillis: 50, untilMillis: 60, joinsPerSecond: 2, leavesPerSecond: 1, crash: true}
                """;
        Scenario s = scenario(VALID.substring(0, VALID.indexOf("timeline:")) + timeline);
        assertEquals(List.of(
                new TimelineAction.Join(0, 100, 0, TimelineAction.Join.Contacts.SINGLE),
                new TimelineAction.Broadcast(10, 1, 1000, 0, 8),
                new TimelineAction.Unsubscribe(20, new TimelineAction.NodeSelection(null, List.of(1, 2))),
                new TimelineAction.Partition(30, 40, List.of(1.0, 3.0)),
                new TimelineAction.Churn(50, 60, 2, 1, true)), s.timeline());
    }

    @Test
    void joinIntervalSpacesTheJoinsOfTheSlotsLeft() throws Exception {
        String timeline = """
                timeline:
                  - {action: join, atMillis: 0, count: 50, intervalMillis: 10}
                  - {action: join, atMillis: 1000, count: all, intervalMillis: 100}
                """;
        Scenario s = scenario(VALID.substring(0, VALID.indexOf("timeline:")) + timeline);
        assertEquals(List.of(
                new TimelineAction.Join(0, 50, 500, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Join(1000, -1, 15_000, TimelineAction.Join.Contacts.UNIFORM)), s.timeline());
        assertEquals(1000 + 15_000 + 10_000, s.durationMillis());
    }

    @Test
    void readsGlobalMembershipAndAnAutoBaseline() throws Exception {
        Scenario global = scenario(VALID + "membership: {type: global, fanout: 8}\n");
        assertEquals(new MembershipSpec(MembershipSpec.Type.GLOBAL, 8), global.membership());
        Scenario withBaseline = scenario(VALID + "baseline: {type: global, fanout: auto}\n");
        assertEquals(new MembershipSpec(MembershipSpec.Type.GLOBAL, null), withBaseline.baseline());
    }

    /** The paper's global scheme learns of no crash; a perfect failure detector is asked for by name. */
    @Test
    void aGlobalMembershipHasNoFailureDetectorUnlessOneIsAskedFor() throws Exception {
        assertEquals(new MembershipSpec(MembershipSpec.Type.GLOBAL, null, false),
                scenario(VALID + "baseline: {type: global, fanout: auto}\n").baseline());
        assertEquals(new MembershipSpec(MembershipSpec.Type.GLOBAL, 8, true),
                scenario(VALID + "membership: {type: global, fanout: 8, failureDetector: perfect}\n").membership());
        assertEquals(new MembershipSpec(MembershipSpec.Type.GLOBAL, 8, false),
                scenario(VALID + "membership: {type: global, fanout: 8, failureDetector: none}\n").membership());
        ScenarioException.Problem scamp = ScenarioTexts.firstProblem(
                VALID + "membership: {type: scamp, failureDetector: perfect}\n");
        assertEquals("membership.failureDetector: only global membership has one (SCAMP's detection is its "
                + "heartbeats: protocol.heartbeatPeriodMillis)", scamp.message());
        ScenarioException.Problem wrong = ScenarioTexts.firstProblem(
                VALID + "baseline: {type: global, failureDetector: oracle}\n");
        assertEquals(true, wrong.message().startsWith("baseline.failureDetector: "), wrong.message());
        assertEquals(true, wrong.message().contains("none") && wrong.message().contains("perfect"), wrong.message());
    }
}
