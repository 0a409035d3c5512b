package io.gossip.sim.live;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.udp.Impairment;

/**
 * The conversion between a scenario's milliseconds and the wall clock of a live run: one scenario
 * millisecond lasts {@code timeScale} wall-clock milliseconds. The timeline, the network latency
 * and the protocol's timers are all scaled, so a scaled-down run keeps the scenario's proportions;
 * measured delays are divided by the scale again before they are written, so result files are in
 * scenario milliseconds like those of {@code sim run}.
 *
 * @param timeScale wall-clock milliseconds per scenario millisecond, > 0
 */
public record LiveTiming(double timeScale) {
    public LiveTiming {
        if (!(timeScale > 0) || !Double.isFinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number > 0, got " + timeScale);
        }
    }

    /** Wall-clock nanoseconds for a scenario time in microseconds. */
    public long wallNanos(long scenarioMicros) {
        return Math.round(scenarioMicros * 1000.0 * timeScale);
    }

    /** Scenario microseconds for a wall-clock duration in nanoseconds. */
    public long scenarioMicros(long wallNanos) {
        return Math.round(wallNanos / 1000.0 / timeScale);
    }

    /** Scaled whole wall-clock milliseconds: 0 stays 0 (off), anything else is at least 1. */
    public long wallMillis(double scenarioMillis) {
        if (scenarioMillis <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(scenarioMillis * timeScale));
    }

    /**
     * The protocol configuration with every duration scaled: heartbeat period, isolation timeout
     * (kept above the heartbeat period), lease duration, retransmission timeout and duplicate memory
     * age. Counts and sizes are unchanged.
     */
    public ProtocolConfig protocol(ProtocolConfig config) {
        long heartbeat = wallMillis(config.heartbeatPeriodMillis());
        long isolation = wallMillis(config.isolationTimeoutMillis());
        if (isolation > 0 && isolation <= heartbeat) {
            isolation = heartbeat + 1;
        }
        return config.toBuilder()
                .heartbeatPeriodMillis(heartbeat)
                .isolationTimeoutMillis(isolation)
                .leaseDurationMillis(wallMillis(config.leaseDurationMillis()))
                .retransmitTimeoutMillis(Math.max(1, wallMillis(config.retransmitTimeoutMillis())))
                .duplicateMemoryAgeMillis(wallMillis(config.duplicateMemoryAgeMillis()))
                .build();
    }

    /**
     * The transport impairment that stands for the scenario's network: independent loss, and a
     * constant or uniform latency scaled and rounded to whole milliseconds. Null when there is
     * neither loss nor latency. The seed is replaced per node by the cluster.
     *
     * @throws IllegalArgumentException for a network the stage cannot reproduce (see
     *     {@link LiveCompatibility})
     */
    public Impairment impairment(NetworkSpec network) {
        if (!(network.loss() instanceof LossSpec.Independent loss)) {
            throw new IllegalArgumentException("only independent loss can be run live");
        }
        long min;
        long max;
        if (network.latency() instanceof LatencySpec.Constant c) {
            min = Math.round(c.millis() * timeScale);
            max = min;
        } else if (network.latency() instanceof LatencySpec.Uniform u) {
            min = Math.round(u.minMillis() * timeScale);
            max = Math.max(min, Math.round(u.maxMillis() * timeScale));
        } else {
            throw new IllegalArgumentException("only constant or uniform latency can be run live");
        }
        if (loss.probability() == 0 && max == 0) {
            return null;
        }
        return Impairment.forTesting(loss.probability(), min, max, 0);
    }
}
