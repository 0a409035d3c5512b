package io.gossip.sim.live;

import io.gossip.sim.engine.Simulation;
import io.gossip.sim.results.Aggregate;
import io.gossip.sim.results.CsvFiles;
import io.gossip.sim.results.PointSummary;
import io.gossip.sim.results.PointsCsv;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.SummaryJson;
import io.gossip.sim.run.RunOutcome;
import io.gossip.sim.run.RunSeeds;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a whole {@link RunPlan} live, one run after another (every point, every repetition), and
 * writes the same result files as the simulator's runner with the same writers
 * (docs/results-format.md), so {@code sim report} and {@code sim compare} read them unchanged.
 * Seeds are derived per run exactly as in the simulator.
 */
public final class LiveRunner {
    /** Told about each finished run, e.g. to print a line. */
    @FunctionalInterface
    public interface Listener {
        void runFinished(RunKey key, LiveRun.Outcome outcome);
    }

    private LiveRunner() {
    }

    /**
     * Every problem that keeps {@code plan} from running live, prefixed with the point when there
     * is a sweep; empty when it can run.
     */
    public static List<String> problems(RunPlan plan) {
        List<String> out = new ArrayList<>();
        for (RunPlan.Point p : plan.points()) {
            String prefix = plan.parameter() == null ? "" : "with sweep " + plan.parameter() + " = " + p.value() + ": ";
            for (String problem : LiveCompatibility.problems(p.scenario())) {
                if (!out.contains(prefix + problem)) {
                    out.add(prefix + problem);
                }
            }
        }
        return out;
    }

    /**
     * @param plan the points to run; must have no {@link #problems}
     * @param outDir result folder, created if needed
     * @param listener told after each run, or null
     * @throws IOException if the sockets cannot be opened or a result file cannot be written
     */
    public static RunOutcome run(RunPlan plan, Path outDir, Listener listener) throws IOException {
        Objects.requireNonNull(plan, "plan");
        List<String> problems = problems(plan);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot run live: " + String.join("; ", problems));
        }
        for (RunPlan.Point p : plan.points()) {
            Simulation.validate(p.scenario());
        }
        Files.createDirectories(outDir);
        long startNanos = System.nanoTime();
        List<PointSummary> points = new ArrayList<>();
        Aggregate all = new Aggregate();
        long events = 0;
        long runs = 0;
        try (CsvFiles csv = new CsvFiles(outDir)) {
            for (RunPlan.Point p : plan.points()) {
                Scenario s = p.scenario();
                Aggregate point = new Aggregate();
                long stepMicros = Math.max(1, Math.round(s.output().coverageStepMillis() * 1000));
                for (int r = 0; r < s.repetitions(); r++) {
                    RunKey key = new RunKey(p.index(), MembershipSpec.Type.SCAMP, r);
                    LiveRun.Outcome outcome = LiveRun.execute(key, s,
                            RunSeeds.runSeed(s.seed(), p.index(), r, MembershipSpec.Type.SCAMP),
                            RunSeeds.timelineSeed(s.seed(), p.index(), r));
                    csv.write(outcome.result(), stepMicros);
                    point.add(outcome.result(), s.protocol().c(), outcome.wallSeconds());
                    all.add(outcome.result(), s.protocol().c(), outcome.wallSeconds());
                    events += outcome.result().events();
                    runs++;
                    if (listener != null) {
                        listener.runFinished(key, outcome);
                    }
                }
                points.add(new PointSummary(p.index(), plan.parameter(), p.value(), "scamp", s, point));
            }
        }
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        PointsCsv.write(outDir.resolve("points.csv"), points);
        Path summary = outDir.resolve("summary.json");
        SummaryJson.write(summary, points.get(0), plan.parameter(), all, "scamp", events, wallSeconds, points);
        return new RunOutcome(outDir, summary, runs, events, wallSeconds);
    }
}
