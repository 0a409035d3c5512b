package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.run.ScaleRun;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import org.junit.jupiter.api.Test;

/**
 * The wakeup lane must not change the order of a single event: every run here gives the same
 * results with and without it, for both ways of holding nodes. Latencies and timeouts are chosen
 * so that wakeups tie to the microsecond, all the time, with acks, with messages sent at the same
 * instant, with retransmission timers and with join steps: the cases in which a lane taking the
 * wrong wakeup, or taking it at the wrong moment, reorders events (and then a node retransmits
 * where it would not have). Each of the lane's three rules was checked to matter: without the
 * refusal after a message at the same time, the second case differs; without the refusal after a
 * queued step or timer, or with the queue first at equal times, all three differ.
 */
class WakeupLaneEngineTest {
    /** c = 1, no heartbeats or indirection, the first retransmission after {@code timeoutMillis}. */
    private static ProtocolConfig quiet(long timeoutMillis) {
        return TestScenarios.quietProtocol().toBuilder().retransmitTimeoutMillis(timeoutMillis).build();
    }

    private static NetworkSpec network(LatencySpec latency, double loss) {
        return new NetworkSpec(latency, null, new LossSpec.Independent(loss));
    }

    /** 300 nodes joining over {@code joinMillis}, then 20 broadcasts 50 ms apart. */
    private static Scenario scenario(String name, ProtocolConfig protocol, NetworkSpec network, double joinMillis) {
        return TestScenarios.scenario(name, 21, 300, protocol, network, joinMillis, joinMillis + 10_000,
                new TimelineAction.Broadcast(joinMillis + 1_000, 20, 50, -1, 16));
    }

    @Test
    void acksArrivingJustAsTheTimerExpires() {
        // A message and its ack take 50 ms each: the ack lands on the wakeup's microsecond, queued
        // after it. Joins 100.3 ms apart, so that wakeups do not all tie with the next join.
        assertSameWithAndWithoutLane(scenario("ack-at-timeout", quiet(100),
                network(new LatencySpec.Constant(50), 0.15), 30_090));
    }

    @Test
    void messagesSentAtTheInstantTheTimerIsAsked() {
        // Latencies of 99.998 to 100 ms and a 100 ms timeout: a message sent just before the wakeup
        // is asked often arrives on its microsecond, queued before it.
        assertSameWithAndWithoutLane(scenario("sent-with-timer", quiet(100),
                network(new LatencySpec.Uniform(99.998, 100), 0.15), 30_090));
    }

    @Test
    void retransmissionTimersAndJoinStepsOnTheSameMicroseconds() {
        // Doubling timeouts (100, 200, 400 ms) and joins every 100 ms on latencies of 50 to 50.002 ms:
        // timers and steps queued earlier land where later lane wakeups do.
        assertSameWithAndWithoutLane(scenario("timers-and-steps", quiet(100).toBuilder().maxAttempts(4).build(),
                network(new LatencySpec.Uniform(50, 50.002), 0.2), 30_000));
    }

    @Test
    void heartbeatsAndIndirection() {
        ProtocolConfig p = ProtocolConfig.defaults().toBuilder().retransmitTimeoutMillis(100).build();
        Scenario s = TestScenarios.scenario("heartbeats", 22, 150, p, network(new LatencySpec.Constant(50), 0.1),
                15_045, 40_000,
                new TimelineAction.Crash(20_000, new TimelineAction.NodeSelection(0.2, null)),
                new TimelineAction.Broadcast(30_000, 10, 100, -1, 16));
        assertEquals(NodeRepresentation.ARENA, NodeRepresentation.choose(s, MembershipSpec.Type.SCAMP));
        assertSameWithAndWithoutLane(s);
    }

    @Test
    void theScaleBenchmarkWithRandomLatencies() {
        assertSameWithAndWithoutLane(ScaleRun.scenario(new ScaleRun.Options(2_000, 1, 3, 5)));
    }

    private static void assertSameWithAndWithoutLane(Scenario scenario) {
        assertSame(scenario, NodeRepresentation.ARENA);
        assertSame(scenario, NodeRepresentation.OBJECTS);
    }

    private static void assertSame(Scenario scenario, NodeRepresentation representation) {
        Simulation without = simulation(scenario, representation, false);
        String expected = ArenaEquivalenceTest.describe(without.run(ProgressSink.NONE));
        assertEquals(0, without.wakeupsInLane());
        Simulation with = simulation(scenario, representation, true);
        RunResult result = with.run(ProgressSink.NONE);
        assertTrue(result.events() > 10_000, "too small to compare: " + result.events() + " events");
        assertTrue(with.wakeupsInLane() > 1_000, "the lane took " + with.wakeupsInLane() + " wakeups");
        assertEquals(expected, ArenaEquivalenceTest.describe(result), representation + " with the lane");
    }

    private static Simulation simulation(Scenario scenario, NodeRepresentation representation, boolean lane) {
        RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), scenario, 0,
                scenario.seed() * 31 + 7, scenario.seed() * 17 + 3);
        Simulation simulation = new Simulation(setup, representation);
        simulation.wakeupLane(lane);
        return simulation;
    }
}
