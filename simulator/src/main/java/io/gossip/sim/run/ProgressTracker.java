package io.gossip.sim.run;

import io.gossip.sim.engine.ProgressSink;
import io.gossip.sim.results.RunKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects progress from every worker thread and forwards it to the {@link ProgressListener} at most
 * once per {@value #PERIOD_NANOS} ns of wall time. Wall-clock time is used only here and never
 * reaches the results.
 */
final class ProgressTracker {
    private static final long PERIOD_NANOS = 250_000_000L;

    private final ProgressListener listener;
    private final long totalRuns;
    private final long startNanos;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong completedRuns = new AtomicLong();
    private final AtomicLong lastReportNanos;

    ProgressTracker(ProgressListener listener, long totalRuns, long startNanos) {
        this.listener = listener;
        this.totalRuns = totalRuns;
        this.startNanos = startNanos;
        this.lastReportNanos = new AtomicLong(startNanos);
    }

    /** A sink for run {@code key}, of the given virtual duration. */
    ProgressSink sinkFor(RunKey key, double durationMillis) {
        return new ProgressSink() {
            @Override
            public void progress(long virtualMicros, long newEvents) {
                long total = events.addAndGet(newEvents);
                if (listener == null) {
                    return;
                }
                long now = System.nanoTime();
                long last = lastReportNanos.get();
                if (now - last >= PERIOD_NANOS && lastReportNanos.compareAndSet(last, now)) {
                    listener.progress(completedRuns.get(), totalRuns, virtualMicros / 1000.0, durationMillis, total,
                            (now - startNanos) / 1e9);
                }
            }

            @Override
            public void warning(String text) {
                if (listener != null) {
                    listener.warning("point " + key.point() + ", repetition " + key.repetition() + ", "
                            + key.membershipName() + ": " + text);
                }
            }
        };
    }

    void runCompleted() {
        completedRuns.incrementAndGet();
    }
}
