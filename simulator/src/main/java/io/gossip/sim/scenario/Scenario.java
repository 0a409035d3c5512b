package io.gossip.sim.scenario;

import io.gossip.protocol.ProtocolConfig;
import java.util.List;
import java.util.Objects;

/**
 * One fully resolved simulation scenario: what the engine runs. Built from YAML by the scenario
 * reader (which reports file, line and column for anything wrong); the constructors here only
 * re-check invariants as a last line of defence.
 *
 * @param name scenario name, used for the default output folder
 * @param seed root seed of every random choice; the reader fills in a random one when the file
 *     has none, so a run can always be replayed
 * @param repetitions independent runs of each point, seeded from {@code seed}
 * @param nodes number of node slots (nodes that ever exist, churn joins included)
 * @param protocol the configuration every SCAMP node uses
 * @param membership how nodes pick gossip targets in the main runs
 * @param baseline a second membership run beside the main one for comparison, or null
 * @param network latency and loss model
 * @param timeline actions in time order
 * @param durationMillis virtual time at which each run stops
 * @param output sampling of the result files
 * @param live how {@code sim live} runs it (ignored by the simulator)
 */
public record Scenario(
        String name,
        long seed,
        int repetitions,
        int nodes,
        ProtocolConfig protocol,
        MembershipSpec membership,
        MembershipSpec baseline,
        NetworkSpec network,
        List<TimelineAction> timeline,
        double durationMillis,
        OutputSpec output,
        LiveSpec live) {

    /**
     * The longest virtual time a run may last, 10^12 ms (about 32 years). The engine's clock counts
     * microseconds in a long, to which latencies and timers are added: bounded here, no sum can
     * wrap around (a run of 9.3 * 10^15 ms or more once did, and hung or crashed).
     */
    public static final double MAX_DURATION_MILLIS = 1e12;

    /**
     * Broadcasts per run, the timeline's broadcast counts added up. Each keeps about 400 B until the
     * run ends (the tracker's figures, its result and its coverage curve: 10^6 broadcasts in a group
     * of two ran in a 512 MB heap, not in 384 MB) and is a row of broadcasts.csv, events.csv and at
     * least one of coverage.csv (170 MB for those 10^6). The shipped scenarios send at most 60.
     * {@code ./bench scale} and {@code ./bench ceiling} bound their {@code --broadcasts} by it too.
     */
    public static final long MAX_BROADCASTS_PER_RUN = 1_000_000;

    public Scenario {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(output, "output");
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1");
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1");
        }
        if (!(durationMillis > 0 && durationMillis <= MAX_DURATION_MILLIS)) {
            throw new IllegalArgumentException("durationMillis must be in (0, " + MAX_DURATION_MILLIS + "], got "
                    + durationMillis);
        }
        timeline = List.copyOf(timeline);
        double last = 0;
        for (TimelineAction action : timeline) {
            if (action.atMillis() < last) {
                throw new IllegalArgumentException("timeline actions must be in time order");
            }
            last = action.atMillis();
        }
    }

    /** A scenario with the default {@link LiveSpec}. */
    public Scenario(String name, long seed, int repetitions, int nodes, ProtocolConfig protocol,
            MembershipSpec membership, MembershipSpec baseline, NetworkSpec network, List<TimelineAction> timeline,
            double durationMillis, OutputSpec output) {
        this(name, seed, repetitions, nodes, protocol, membership, baseline, network, timeline, durationMillis,
                output, LiveSpec.defaults());
    }
}
