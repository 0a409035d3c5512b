package io.gossip.sim.network;

import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.RegionsSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.SplittableRandom;

/**
 * The simulated network of one run: latency (drawn distribution plus optional per-region base),
 * loss, and at most one active partition. It owns its generator (split from the run's seed), so
 * its draws never shift the nodes' or the timeline's random streams.
 *
 * <p>Latency is drawn when a message is sent; loss and partition are decided when it arrives (see
 * {@link #arrivalVerdict}), so a partition also cuts messages already in flight.
 */
public final class Network {
    /** {@link #arrivalVerdict} result for a message that gets through. */
    public static final int DELIVER = -1;

    /** Twice the longest run ({@link Scenario#MAX_DURATION_MILLIS}): the longest latency a draw gives. */
    public static final double MAX_LATENCY_MILLIS = 2 * Scenario.MAX_DURATION_MILLIS;

    private final LatencyModel latency;
    private final RegionsSpec regions;
    private final LossModel loss;
    private final SplittableRandom random;
    private int[] partitionGroup;

    public Network(NetworkSpec spec, int nodes, SplittableRandom random) {
        this.latency = new LatencyModel(spec.latency());
        this.regions = spec.regions();
        this.loss = new LossModel(spec.loss(), nodes);
        this.random = random;
    }

    /**
     * Latency of one message from {@code from} to {@code to}, in whole microseconds, at most
     * {@link #MAX_LATENCY_MILLIS}: a longer draw (a long-tailed distribution, or a latency given
     * in years) arrives after any run's end all the same, and the sender's clock plus it must fit
     * a long (uncapped, a latency of 9.3 * 10^15 ms wrapped round to an arrival in the past).
     */
    public long latencyMicros(int from, int to) {
        double millis = latency.drawMillis(random);
        if (regions != null) {
            boolean same = from % regions.count() == to % regions.count();
            millis += same ? regions.intraRegionMillis() : regions.interRegionMillis();
        }
        return Math.round(Math.min(millis, MAX_LATENCY_MILLIS) * 1000);
    }

    /** Starts a partition with the given group of every node slot (replacing any active one). */
    public void partition(int[] groupOfNode) {
        this.partitionGroup = groupOfNode;
    }

    /**
     * Ends the partition started with {@code groupOfNode} if it is still the active one; false, and
     * nothing changes, if a later partition replaced it (that one lasts until its own end).
     */
    public boolean heal(int[] groupOfNode) {
        if (partitionGroup != groupOfNode) {
            return false;
        }
        partitionGroup = null;
        return true;
    }

    /** Whether a partition is active. */
    public boolean partitioned() {
        return partitionGroup != null;
    }

    /**
     * Decides the fate of a message arriving now at a live receiver: {@link #DELIVER}, or the
     * ordinal of the {@link NetworkDropReason} that stops it. The partition is checked first; the
     * loss model is stepped only for messages that cross no partition.
     */
    public int arrivalVerdict(int from, int to) {
        int[] group = partitionGroup;
        if (group != null && group[from] != group[to]) {
            return NetworkDropReason.PARTITION.ordinal();
        }
        if (loss.lose(to, random)) {
            return NetworkDropReason.LOSS.ordinal();
        }
        return DELIVER;
    }
}
