package io.gossip.sim.scenario;

import io.gossip.udp.GossipNodeBuilder;

/**
 * How {@code sim live} runs a scenario with real UDP nodes: the scenario's milliseconds are
 * multiplied by {@code timeScale} to get wall-clock milliseconds (timeline, duration, network
 * latency and the protocol's timers alike), so a scenario written for minutes of virtual time can
 * run in seconds. {@code sim run} ignores it.
 *
 * @param timeScale wall-clock milliseconds per scenario millisecond, in (0, 1]
 * @param loopThreads event-loop threads the live nodes share, 1..64
 * @param receiveBufferBytes the receive buffer every node's socket asks for, in
 *     [{@value #MIN_RECEIVE_BUFFER_BYTES}, {@value #MAX_RECEIVE_BUFFER_BYTES}], or 0 for the system's
 *     default (the transport's range: see {@code GossipNodeBuilder.receiveBufferBytes})
 */
public record LiveSpec(double timeScale, int loopThreads, int receiveBufferBytes) {
    /** Default {@code timeScale}: real time. */
    public static final double DEFAULT_TIME_SCALE = 1.0;
    /** Default {@code loopThreads}. */
    public static final int DEFAULT_LOOP_THREADS = 2;
    /** Smallest {@code timeScale} accepted. */
    public static final double MIN_TIME_SCALE = 0.001;
    /** Most loop threads accepted. */
    public static final int MAX_LOOP_THREADS = 64;
    /** Smallest receive buffer accepted, but for 0 (the system's default). */
    public static final int MIN_RECEIVE_BUFFER_BYTES = GossipNodeBuilder.MIN_RECEIVE_BUFFER_BYTES;
    /** Largest receive buffer accepted. */
    public static final int MAX_RECEIVE_BUFFER_BYTES = GossipNodeBuilder.MAX_RECEIVE_BUFFER_BYTES;

    public LiveSpec {
        if (!(timeScale >= MIN_TIME_SCALE && timeScale <= 1)) {
            throw new IllegalArgumentException(
                    "live.timeScale must be in [" + MIN_TIME_SCALE + ", 1], got " + timeScale);
        }
        if (loopThreads < 1 || loopThreads > MAX_LOOP_THREADS) {
            throw new IllegalArgumentException("live.loopThreads must be in [1, " + MAX_LOOP_THREADS + "], got "
                    + loopThreads);
        }
        if (receiveBufferBytes != 0
                && (receiveBufferBytes < MIN_RECEIVE_BUFFER_BYTES || receiveBufferBytes > MAX_RECEIVE_BUFFER_BYTES)) {
            throw new IllegalArgumentException("live.receiveBufferBytes must be 0 or in [" + MIN_RECEIVE_BUFFER_BYTES
                    + ", " + MAX_RECEIVE_BUFFER_BYTES + "], got " + receiveBufferBytes);
        }
    }

    /** Real time on {@value #DEFAULT_LOOP_THREADS} loop threads, the system's socket buffers. */
    public static LiveSpec defaults() {
        return new LiveSpec(DEFAULT_TIME_SCALE, DEFAULT_LOOP_THREADS, 0);
    }
}
