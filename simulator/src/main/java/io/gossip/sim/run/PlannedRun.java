package io.gossip.sim.run;

import io.gossip.sim.engine.ProgressSink;
import io.gossip.sim.engine.RunSetup;
import io.gossip.sim.engine.Simulation;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.results.UnmeasuredBroadcasts;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of one point and repetition, executed one after another on one worker thread: the SCAMP
 * run first (its mean PartialView size is the automatic fanout of the global baseline), then the
 * global baseline. When the plan asks for a global run with an automatic fanout but no SCAMP run,
 * a SCAMP run is still made to size the fanout; it is then not reported.
 */
final class PlannedRun {
    /** One finished run and the wall time it took; {@code reported} is false for an auxiliary run. */
    record Timed(RunResult result, double wallSeconds, boolean reported) {
    }

    private PlannedRun() {
    }

    /** The memberships a point runs, in reporting order. */
    static List<MembershipSpec> memberships(Scenario scenario) {
        List<MembershipSpec> list = new ArrayList<>();
        list.add(scenario.membership());
        if (scenario.baseline() != null) {
            if (scenario.baseline().type() == scenario.membership().type()) {
                throw new IllegalArgumentException("baseline must use a different membership than the main runs ("
                        + scenario.membership().type() + ")");
            }
            list.add(scenario.baseline());
        }
        return list;
    }

    /** The runs of one point and repetition; {@code appender}: see {@link Simulation#useAppender}. */
    static List<Timed> execute(int point, int repetition, Scenario scenario, ProgressTracker progress,
            boolean appender) {
        List<MembershipSpec> memberships = memberships(scenario);
        boolean scampListed = memberships.stream().anyMatch(m -> m.type() == MembershipSpec.Type.SCAMP);
        boolean autoFanout = memberships.stream()
                .anyMatch(m -> m.type() == MembershipSpec.Type.GLOBAL && m.fanout() == null);
        List<Timed> out = new ArrayList<>();
        Timed scamp = null;
        if (scampListed || autoFanout) {
            scamp = runOne(point, repetition, scenario, MembershipSpec.Type.SCAMP, 0, scampListed, progress, appender);
        }
        for (MembershipSpec m : memberships) {
            if (m.type() == MembershipSpec.Type.SCAMP) {
                out.add(scamp);
            } else {
                int fanout = m.fanout() != null ? m.fanout() : autoFanout(scamp.result());
                out.add(runOne(point, repetition, scenario, MembershipSpec.Type.GLOBAL, fanout, true, progress,
                        appender));
            }
        }
        if (scamp != null && !scampListed) {
            out.add(scamp);
        }
        return out;
    }

    private static Timed runOne(int point, int repetition, Scenario scenario, MembershipSpec.Type type, int fanout,
            boolean reported, ProgressTracker progress, boolean appender) {
        RunKey key = new RunKey(point, type, repetition);
        RunSetup setup = new RunSetup(key, scenario, fanout, RunSeeds.runSeed(scenario.seed(), point, repetition, type),
                RunSeeds.timelineSeed(scenario.seed(), point, repetition));
        ProgressSink sink = progress.sinkFor(key, scenario.durationMillis());
        long start = System.nanoTime();
        Simulation simulation = new Simulation(setup);
        simulation.useAppender(appender);
        RunResult result = simulation.run(sink);
        double wall = (System.nanoTime() - start) / 1e9;
        if (reported) {
            // An auxiliary run's broadcasts are in no file: nothing to say of them.
            UnmeasuredBroadcasts.warning(result).ifPresent(sink::warning);
            progress.runCompleted();
        }
        return new Timed(result, wall, reported);
    }

    /** The mean PartialView size of the nodes live at the end of a SCAMP run, rounded, at least 1. */
    static int autoFanout(RunResult scamp) {
        return (int) Math.max(1, Math.round(scamp.nodes().meanLivePartialView()));
    }
}
