package io.gossip.sim.cli;

import io.gossip.sim.run.ProgressListener;
import java.io.PrintWriter;

/**
 * The progress line of {@code sim run} on a terminal, rewritten in place with a carriage return:
 * run number, virtual time, share of the whole plan's timeline done, events per second and an
 * estimated time left. Redraws at most five times per second of the runner's wall clock.
 */
final class ProgressLine implements ProgressListener {
    private static final double REDRAW_SECONDS = 0.2;

    private final PrintWriter out;
    private double lastDrawSeconds = Double.NEGATIVE_INFINITY;
    private int lastLength;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(long completedRuns, long totalRuns, double virtualMillis,
            double durationMillis, long events, double wallSeconds) {
        if (wallSeconds - lastDrawSeconds < REDRAW_SECONDS) {
            return;
        }
        lastDrawSeconds = wallSeconds;
        String line = render(completedRuns, totalRuns, virtualMillis, durationMillis, events, wallSeconds);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Erases the line so the summary starts on a clean line. */
    synchronized void finish() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    /** The text of one progress line. */
    static String render(long completedRuns, long totalRuns, double virtualMillis, double durationMillis,
            long events, double wallSeconds) {
        double runShare = durationMillis > 0 ? Math.min(1, Math.max(0, virtualMillis / durationMillis)) : 0;
        double done = totalRuns > 0 ? Math.min(1, (completedRuns + runShare) / totalRuns) : 0;
        StringBuilder line = new StringBuilder();
        if (totalRuns > 1) {
            line.append("run ").append(Math.min(completedRuns + 1, totalRuns)).append('/').append(totalRuns)
                    .append("  ");
        }
        line.append("virtual ").append(Format.millis(virtualMillis)).append(" of ")
                .append(Format.millis(durationMillis))
                .append("  ").append(Format.decimal(100 * done, 0)).append("% of timeline");
        if (wallSeconds > 0) {
            line.append("  ").append(Format.count(events / wallSeconds)).append(" events/s");
        }
        if (done > 0 && wallSeconds > 0) {
            line.append("  ETA ").append(Format.clock(wallSeconds * (1 - done) / done));
        }
        return line.toString();
    }
}
