package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.scenario.TimelineAction.NodeSelection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Dropping over messages must never change a run, whatever the timeline, network and memory:
 * random broadcast patterns (bursts a few ms apart, several actions overlapping), memories from a
 * few entries to hundreds with age bounds from 1 s to none, latencies uniform, constant or
 * log-normal, loss, hop limits, crashes and churn. Most tries get a memory just large enough for
 * dropping to be on ({@link EarlyForgetting#exact}: at its limit), the others one just too small;
 * each run is compared whole with the same run on the arena without dropping.
 */
class DroppingOverMessagesProperties {
    @Property(tries = 50, seed = "20261128")
    void droppingChangesNoRun(
            @ForAll long seed,
            @ForAll @IntRange(min = 20, max = 150) int nodes,
            @ForAll @IntRange(min = 1, max = 3) int broadcastActions) {
        SplittableRandom script = new SplittableRandom(seed);
        List<TimelineAction> timeline = new ArrayList<>();
        timeline.add(new TimelineAction.Join(0, -1, 2_000, TimelineAction.Join.Contacts.UNIFORM));
        for (int i = 0; i < broadcastActions; i++) {
            double[] intervals = {0, 2, 10, 50, 250};
            timeline.add(new TimelineAction.Broadcast(2_500 + 500 * script.nextInt(8), 1 + script.nextInt(60),
                    intervals[script.nextInt(intervals.length)], -1, 16));
        }
        switch (script.nextInt(4)) {
            case 0 -> timeline.add(new TimelineAction.Crash(4_000, new NodeSelection(0.2, null)));
            case 1 -> timeline.add(new TimelineAction.Churn(3_000, 8_000, 5, 5, script.nextBoolean()));
            default -> { }
        }
        timeline.sort(Comparator.comparingDouble(TimelineAction::atMillis));

        long[] ages = {1_000, 3_000, 600_000, 0};
        ProtocolConfig probe = TestScenarios.quietProtocol().toBuilder().c(script.nextInt(3))
                .duplicateMemoryAgeMillis(ages[script.nextInt(ages.length)]).build();
        // At the limit, or just too small for dropping (but large enough that the run does not
        // drown in copies its memories pushed out and take for new).
        int within = within(timeline, probe);
        int capacity = script.nextInt(5) == 0 ? within + script.nextInt(within) : 2 * within + script.nextInt(3);
        ProtocolConfig protocol = probe.toBuilder().duplicateMemoryCapacity(Math.max(1, capacity))
                .gossipHopLimit(script.nextBoolean() ? 0 : 40).build();

        LatencySpec latency = switch (script.nextInt(3)) {
            case 0 -> new LatencySpec.Uniform(10, 100);
            case 1 -> new LatencySpec.Constant(1 + script.nextInt(80));
            default -> new LatencySpec.LogNormal(30, script.nextDouble());
        };
        NetworkSpec network = new NetworkSpec(latency, null, new LossSpec.Independent(0.2 * script.nextDouble()));
        Scenario s = new Scenario("dropping", seed, 1, nodes, protocol, MembershipSpec.scamp(), null, network,
                timeline, 10_000, new OutputSpec(0, 10));
        RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, script.nextLong(),
                script.nextLong());

        Simulation kept = new Simulation(setup, NodeRepresentation.ARENA);
        kept.dropOverMessages(false);
        String expected = ArenaEquivalenceTest.describe(kept.run(ProgressSink.NONE));
        Simulation dropping = new Simulation(setup, NodeRepresentation.ARENA);
        assertEquals(expected, ArenaEquivalenceTest.describe(dropping.run(ProgressSink.NONE)),
                "capacity " + protocol.duplicateMemoryCapacity() + ", age " + protocol.duplicateMemoryAgeMillis()
                        + " ms, dropping " + EarlyForgetting.exact(timeline, protocol));
        boolean dropped = remembered(dropping, nodes) < remembered(kept, nodes);
        Statistics.label("memories").collect(dropped ? "dropped some" : "kept all");
        Statistics.label("memories").coverage(check -> check.check("dropped some").percentage(p -> p >= 40));
    }

    private static long remembered(Simulation run, int nodes) {
        return IntStream.range(0, nodes).mapToLong(run.arena()::duplicateMemorySize).sum();
    }

    /**
     * The broadcasts {@link EarlyForgetting#exact} counts within two age bounds: the smallest half
     * capacity it accepts.
     */
    private static int within(List<TimelineAction> timeline, ProtocolConfig config) {
        int half = 0;
        while (!EarlyForgetting.exact(timeline, config.toBuilder().duplicateMemoryCapacity(2 * half + 1).build())) {
            half++;
        }
        return half;
    }
}
