package io.gossip.sim.cli;

import io.gossip.sim.run.ProgressListener;
import java.io.PrintWriter;

/**
 * What {@code sim run} shows while its runs go on: the {@link ProgressLine} on a terminal, and a
 * run's warnings on the error stream whether or not it is a terminal (a scenario that floods says
 * so while it can still be stopped).
 */
final class RunListener implements ProgressListener {
    private final ProgressLine line;
    private final PrintWriter err;

    /** @param line the progress line, or null off a terminal */
    RunListener(ProgressLine line, PrintWriter err) {
        this.line = line;
        this.err = err;
    }

    @Override
    public void progress(long completedRuns, long totalRuns, double virtualMillis, double durationMillis,
            long events, double wallSeconds) {
        if (line != null) {
            line.progress(completedRuns, totalRuns, virtualMillis, durationMillis, events, wallSeconds);
        }
    }

    @Override
    public synchronized void warning(String text) {
        if (line != null) {
            line.finish(); // the warning starts on a clean line; the progress line redraws below it
        }
        err.println("sim run: warning: " + text);
        err.flush();
    }
}
