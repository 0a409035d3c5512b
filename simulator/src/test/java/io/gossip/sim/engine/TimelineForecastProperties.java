package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.sim.results.RunKey;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.scenario.TimelineAction.NodeSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The timeline played alone ({@link TimelineForecast}) must end with the node table a run of it
 * ends with, whatever the timeline: broadcasts are summarised against it while nodes still leave.
 * Random timelines of joins (uniform or single contact), broadcasts, crashes and unsubscriptions
 * (fractions or listed nodes, some not live), partitions and churn, on a 250 ms grid so that
 * actions often fall on the same microsecond, where only the order of their steps tells them apart.
 */
class TimelineForecastProperties {
    private static final double GRID_MILLIS = 250;

    @Property(tries = 60, seed = "20261128")
    void theForecastEndsWithTheRunsTable(
            @ForAll long seed,
            @ForAll @IntRange(min = 5, max = 80) int nodes,
            @ForAll @IntRange(min = 1, max = 8) int actions,
            @ForAll boolean arena) {
        SplittableRandom script = new SplittableRandom(seed);
        List<TimelineAction> timeline = new ArrayList<>();
        timeline.add(new TimelineAction.Join(0, 1 + script.nextInt(nodes), at(script), contacts(script)));
        for (int i = 0; i < actions; i++) {
            timeline.add(action(script, nodes));
        }
        timeline.sort(java.util.Comparator.comparingDouble(TimelineAction::atMillis)); // stable: ties keep their order
        Scenario scenario = new Scenario("forecast", seed, 1, nodes, TestScenarios.quietProtocol(),
                MembershipSpec.scamp(), null, TestScenarios.uniformNetwork(0.1), timeline, 8_000,
                new OutputSpec(0, 10));
        long timelineSeed = script.nextLong();
        RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), scenario, 0, script.nextLong(),
                timelineSeed);
        Simulation run = new Simulation(setup, arena ? NodeRepresentation.ARENA : NodeRepresentation.OBJECTS);
        run.run(ProgressSink.NONE); // summarising early against the forecast: it refuses a run that differs

        NodeTable forecast = TimelineForecast.endTable(scenario, timelineSeed, 8_000_000);
        NodeTable end = run.table();
        assertEquals(end.joins(), forecast.joins(), "joins");
        assertEquals(end.liveCount(), forecast.liveCount(), "live");
        for (int node = 0; node < nodes; node++) {
            assertEquals(end.state(node), forecast.state(node), "node " + node);
            assertEquals(end.joinTick(node), forecast.joinTick(node), "tick of node " + node);
        }
        for (int i = 0; i < end.liveCount(); i++) {
            assertEquals(end.liveAt(i), forecast.liveAt(i), "live member " + i);
        }
    }

    private static TimelineAction action(SplittableRandom script, int nodes) {
        double at = at(script);
        double until = at + GRID_MILLIS * (1 + script.nextInt(12));
        return switch (script.nextInt(6)) {
            case 0 -> new TimelineAction.Join(at, script.nextBoolean() ? -1 : 1 + script.nextInt(nodes),
                    GRID_MILLIS * script.nextInt(8), contacts(script));
            case 1 -> new TimelineAction.Broadcast(at, 1 + script.nextInt(4), GRID_MILLIS * script.nextInt(4),
                    script.nextBoolean() ? -1 : script.nextInt(nodes), 16);
            case 2 -> new TimelineAction.Crash(at, selection(script, nodes));
            case 3 -> new TimelineAction.Unsubscribe(at, selection(script, nodes));
            case 4 -> new TimelineAction.Partition(at, until, List.of(0.3, 0.7));
            default -> new TimelineAction.Churn(at, until, script.nextInt(20), script.nextInt(20),
                    script.nextBoolean());
        };
    }

    /** A moment on the grid within the first 6 s of an 8 s run. */
    private static double at(SplittableRandom script) {
        return GRID_MILLIS * script.nextInt(25);
    }

    private static TimelineAction.Join.Contacts contacts(SplittableRandom script) {
        return script.nextBoolean() ? TimelineAction.Join.Contacts.UNIFORM : TimelineAction.Join.Contacts.SINGLE;
    }

    /** A fraction of the live nodes, or a few listed nodes (live or not). */
    private static NodeSelection selection(SplittableRandom script, int nodes) {
        if (script.nextBoolean()) {
            return new NodeSelection(script.nextInt(5) / 10.0, null);
        }
        List<Integer> listed = new ArrayList<>();
        for (int i = 1 + script.nextInt(3); i > 0; i--) {
            listed.add(script.nextInt(nodes));
        }
        return new NodeSelection(null, listed);
    }
}
