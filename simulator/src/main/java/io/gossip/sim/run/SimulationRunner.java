package io.gossip.sim.run;

import io.gossip.sim.engine.Simulation;
import io.gossip.sim.results.Aggregate;
import io.gossip.sim.results.CsvFiles;
import io.gossip.sim.results.PointSummary;
import io.gossip.sim.results.PointsCsv;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.results.SummaryJson;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a whole {@link RunPlan} and writes its result files (docs/results-format.md; the command line
 * writes {@code scenario.yaml}).
 *
 * <p>Each point × repetition is one task on a fixed thread pool; inside a task the runs share
 * nothing with other tasks, and each runs on its thread (with, when the run is large and a core is
 * left over, a second thread storing its event queue's events: see {@link #submitAll}). Results are
 * consumed in plan order (point, repetition, membership) whatever order the tasks finish in, so the
 * files are the same for any number of threads.
 */
public final class SimulationRunner {
    private SimulationRunner() {
    }

    /**
     * @param plan the points to run
     * @param outDir result folder, created if needed
     * @param threads worker threads, >= 1
     * @param listener progress receiver, or null
     * @return where the results are and the totals
     * @throws IOException if a result file cannot be written
     * @throws IllegalArgumentException if the plan cannot run (bad thread count, invalid timeline)
     */
    public static RunOutcome run(RunPlan plan, Path outDir, int threads, ProgressListener listener)
            throws IOException {
        return run(plan, outDir, threads, true, listener);
    }

    /**
     * {@link #run(RunPlan, Path, int, ProgressListener)}, with {@code appender} false to keep every
     * run on one thread (see {@link #submitAll}; the results are the same either way).
     */
    public static RunOutcome run(RunPlan plan, Path outDir, int threads, boolean appender, ProgressListener listener)
            throws IOException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(outDir, "outDir");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long totalRuns = 0;
        long tasks = 0;
        for (RunPlan.Point p : plan.points()) {
            Simulation.validate(p.scenario());
            totalRuns += (long) p.scenario().repetitions() * PlannedRun.memberships(p.scenario()).size();
            tasks += p.scenario().repetitions();
        }
        int concurrentRuns = (int) Math.min(threads, tasks);
        Files.createDirectories(outDir);
        long startNanos = System.nanoTime();
        ProgressTracker progress = new ProgressTracker(listener, totalRuns, startNanos);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerFactory());
        List<PointSummary> points = new ArrayList<>();
        Aggregate scamp = new Aggregate();
        Aggregate main = new Aggregate();
        long events = 0;
        long runs = 0;
        try (CsvFiles csv = new CsvFiles(outDir)) {
            List<List<Future<List<PlannedRun.Timed>>>> futures = submitAll(plan, pool, progress, appender,
                    concurrentRuns);
            for (RunPlan.Point p : plan.points()) {
                Scenario s = p.scenario();
                List<MembershipSpec> memberships = PlannedRun.memberships(s);
                List<Aggregate> perMembership = new ArrayList<>();
                for (int i = 0; i < memberships.size(); i++) {
                    perMembership.add(new Aggregate());
                }
                long stepMicros = s.output().coverageStepMicros();
                for (Future<List<PlannedRun.Timed>> f : futures.get(p.index())) {
                    for (PlannedRun.Timed t : await(f)) {
                        events += t.result().events();
                        if (!t.reported()) {
                            continue;
                        }
                        runs++;
                        RunResult r = t.result();
                        csv.write(r, stepMicros);
                        int m = indexOf(memberships, r.key().membership());
                        perMembership.get(m).add(r, s.protocol().c(), t.wallSeconds());
                        (r.key().membership() == MembershipSpec.Type.SCAMP ? scamp : main).add(r, s.protocol().c(),
                                t.wallSeconds());
                    }
                }
                for (int i = 0; i < memberships.size(); i++) {
                    String name = memberships.get(i).type() == MembershipSpec.Type.SCAMP ? "scamp" : "global";
                    points.add(new PointSummary(p.index(), plan.parameter(), p.value(), name, s, perMembership.get(i)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        PointsCsv.write(outDir.resolve("points.csv"), points);
        boolean anyScamp = scamp.events() > 0 || points.stream().anyMatch(p -> p.membership().equals("scamp"));
        Path summary = outDir.resolve("summary.json");
        PointSummary first = points.get(0);
        SummaryJson.write(summary, first, plan.parameter(), anyScamp ? scamp : main, anyScamp ? "scamp" : "global",
                events, wallSeconds, points);
        return new RunOutcome(outDir, summary, runs, events, wallSeconds);
    }

    /**
     * One task per point and repetition. A run gets the appender (a second thread storing its event
     * queue's events, same results) when it is large and a core is left over by the
     * {@code concurrentRuns} runs at a time ({@link Simulation#appenderHelps}), unless
     * {@code appender} is false.
     */
    private static List<List<Future<List<PlannedRun.Timed>>>> submitAll(RunPlan plan, ExecutorService pool,
            ProgressTracker progress, boolean appender, int concurrentRuns) {
        List<List<Future<List<PlannedRun.Timed>>>> futures = new ArrayList<>();
        for (RunPlan.Point p : plan.points()) {
            List<Future<List<PlannedRun.Timed>>> perRepetition = new ArrayList<>();
            for (int r = 0; r < p.scenario().repetitions(); r++) {
                int repetition = r;
                boolean second = appender && Simulation.appenderHelps(p.scenario().nodes(), concurrentRuns);
                perRepetition.add(pool.submit(
                        () -> PlannedRun.execute(p.index(), repetition, p.scenario(), progress, second)));
            }
            futures.add(perRepetition);
        }
        return futures;
    }

    private static List<PlannedRun.Timed> await(Future<List<PlannedRun.Timed>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a run", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("a run failed", cause);
        }
    }

    private static int indexOf(List<MembershipSpec> memberships, MembershipSpec.Type type) {
        for (int i = 0; i < memberships.size(); i++) {
            if (memberships.get(i).type() == type) {
                return i;
            }
        }
        throw new IllegalStateException("no membership " + type);
    }

    private static java.util.concurrent.ThreadFactory workerFactory() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sim-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
