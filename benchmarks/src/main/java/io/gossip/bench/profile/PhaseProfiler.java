package io.gossip.bench.profile;

import io.gossip.sim.run.PhaseWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import one.profiler.AsyncProfiler;

/**
 * Starts async-profiler where a phase begins and stops it where it ends, as the run tells its
 * {@link PhaseWatcher}, and takes the loop thread's CPU time over the same stretch (the watcher is
 * called on that thread): the samples say how that time divides, the CPU time how much there was,
 * whatever the profiler's timer resolution.
 */
final class PhaseProfiler implements PhaseWatcher {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AsyncProfiler profiler;
    private final Phase phase;
    private final String startCommand;
    private long cpuAtStart = -1;
    private long cpuNanos = -1;

    /** @param startCommand async-profiler's start command ({@code start,event=cpu,interval=...,threads}) */
    PhaseProfiler(AsyncProfiler profiler, Phase phase, String startCommand) {
        this.profiler = profiler;
        this.phase = phase;
        this.startCommand = startCommand;
    }

    @Override
    public void joinPhaseStarts() {
        if (phase != Phase.BROADCAST) {
            start();
        }
    }

    @Override
    public void broadcastPhaseStarts() {
        if (phase == Phase.JOIN) {
            stop();
        } else if (phase == Phase.BROADCAST) {
            start();
        }
    }

    @Override
    public void runEnds() {
        if (phase != Phase.JOIN) {
            stop();
        }
    }

    /** CPU time of the loop's thread while the profiler ran, in ns; -1 if the phase never ended. */
    long cpuNanos() {
        return cpuNanos;
    }

    private void start() {
        try {
            profiler.execute(startCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    private void stop() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        profiler.stop();
    }
}
