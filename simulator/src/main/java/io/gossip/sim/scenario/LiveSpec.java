package io.gossip.sim.scenario;

/**
 * How {@code sim live} runs a scenario with real UDP nodes: the scenario's milliseconds are
 * multiplied by {@code timeScale} to get wall-clock milliseconds (timeline, duration, network
 * latency and the protocol's timers alike), so a scenario written for minutes of virtual time can
 * run in seconds. {@code sim run} ignores it.
 *
 * @param timeScale wall-clock milliseconds per scenario millisecond, in (0, 1]
 * @param loopThreads event-loop threads the live nodes share, 1..64
 */
public record LiveSpec(double timeScale, int loopThreads) {
    /** Default {@code timeScale}: real time. */
    public static final double DEFAULT_TIME_SCALE = 1.0;
    /** Default {@code loopThreads}. */
    public static final int DEFAULT_LOOP_THREADS = 2;
    /** Smallest {@code timeScale} accepted. */
    public static final double MIN_TIME_SCALE = 0.001;
    /** Most loop threads accepted. */
    public static final int MAX_LOOP_THREADS = 64;

    public LiveSpec {
        if (!(timeScale >= MIN_TIME_SCALE && timeScale <= 1)) {
            throw new IllegalArgumentException("live.timeScale must be in [" + MIN_TIME_SCALE + ", 1], got " + timeScale);
        }
        if (loopThreads < 1 || loopThreads > MAX_LOOP_THREADS) {
            throw new IllegalArgumentException("live.loopThreads must be in [1, " + MAX_LOOP_THREADS + "], got "
                    + loopThreads);
        }
    }

    /** Real time on {@value #DEFAULT_LOOP_THREADS} loop threads. */
    public static LiveSpec defaults() {
        return new LiveSpec(DEFAULT_TIME_SCALE, DEFAULT_LOOP_THREADS);
    }
}
