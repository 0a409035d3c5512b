package io.gossip.sim.run;

/**
 * Receives progress reports from a running simulation, for the command line's progress line. Called
 * from the runner's worker threads, at most a few times per second, so an implementation must be
 * thread-safe and cheap.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param completedRuns runs (point × repetition × membership) finished so far
     * @param totalRuns runs in the whole plan
     * @param virtualMillis virtual time reached by the run reporting
     * @param durationMillis the virtual time at which that run stops
     * @param events events processed so far by all runs together
     * @param wallSeconds wall-clock seconds since the plan started
     */
    void progress(long completedRuns, long totalRuns, double virtualMillis, double durationMillis,
            long events, double wallSeconds);

    /**
     * A run has something to say while it goes on ({@link io.gossip.sim.engine.ProgressSink#warning}),
     * {@code text} naming the run. Nothing by default.
     */
    default void warning(String text) {
    }
}
