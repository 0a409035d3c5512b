package io.gossip.sim.cli;

import io.gossip.sim.run.ProgressListener;
import io.gossip.sim.scenario.RunPlan;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code sim run} needs from the simulation engine: run a plan into a folder. The command line
 * uses {@code io.gossip.sim.run.SimulationRunner}; tests can substitute a failing engine to check
 * exit codes.
 */
@FunctionalInterface
interface Engine {
    /**
     * Runs every point of {@code plan}, writing the result files into {@code outDir}; large runs
     * may use a second thread for their event queue unless {@code appender} is false (see
     * {@code Simulation#useAppender}).
     *
     * @return where summary.json was written and how much work it was
     */
    Outcome run(RunPlan plan, Path outDir, int threads, boolean appender, ProgressListener listener)
            throws IOException;

    /**
     * A finished run.
     *
     * @param summaryJson the run's summary.json
     * @param events events processed by all runs together
     * @param wallSeconds wall-clock duration
     */
    record Outcome(Path summaryJson, long events, double wallSeconds) {
    }
}
