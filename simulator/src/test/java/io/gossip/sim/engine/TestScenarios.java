package io.gossip.sim.engine;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.List;

/** Scenario builders shared by the engine tests. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** c = 1, no heartbeats, uniform contacts (no indirection), reliable membership messages. */
    public static ProtocolConfig quietProtocol() {
        return ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
    }

    public static NetworkSpec uniformNetwork(double lossProbability) {
        return new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(lossProbability));
    }

    /** All nodes join over {@code joinMillis}, then the given further actions. */
    public static Scenario scenario(String name, long seed, int nodes, ProtocolConfig protocol, NetworkSpec network,
            double joinMillis, double durationMillis, TimelineAction... more) {
        List<TimelineAction> timeline = new java.util.ArrayList<>();
        timeline.add(new TimelineAction.Join(0, -1, joinMillis, TimelineAction.Join.Contacts.UNIFORM));
        timeline.addAll(List.of(more));
        return new Scenario(name, seed, 1, nodes, protocol, MembershipSpec.scamp(), null, network, timeline,
                durationMillis, new OutputSpec(1000, 10));
    }

    /** Runs one SCAMP run of {@code scenario} (point 0, repetition 0) directly on the engine. */
    public static RunResult runScamp(Scenario scenario) {
        return run(scenario, MembershipSpec.Type.SCAMP, 0);
    }

    public static RunResult run(Scenario scenario, MembershipSpec.Type type, int fanout) {
        RunSetup setup = new RunSetup(new RunKey(0, type, 0), scenario, fanout, scenario.seed() * 31 + 7,
                scenario.seed() * 17 + 3);
        return new Simulation(setup).run(ProgressSink.NONE);
    }

    /** Mean PartialView size over nodes alive at the end. */
    public static double meanPartialView(RunResult r) {
        return r.nodes().meanLivePartialView();
    }

    /** Mean coverage over the run's broadcasts. */
    public static double meanCoverage(RunResult r) {
        return r.broadcasts().stream().mapToDouble(b -> b.coverage()).average().orElseThrow();
    }
}
