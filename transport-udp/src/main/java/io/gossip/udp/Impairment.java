package io.gossip.udp;

/**
 * A testing stage that makes a healthy network look bad: it drops each outgoing datagram with
 * probability {@code loss} and delays the others by a latency drawn uniformly from
 * [{@code latencyMinMillis}, {@code latencyMaxMillis}], so a live run on one machine can mean
 * "10% loss, 5–20 ms" without kernel netem. Off unless a node is built with
 * {@code .impairment(...)}, given {@link #forTesting} (which names the intent) or this record's
 * constructor (the same value); draws from its own generator seeded with
 * {@code seed}, independent of the protocol's.
 *
 * <p>Delayed datagrams may overtake each other, as on a real network.
 *
 * @param loss probability in [0, 1] that an outgoing datagram is dropped
 * @param latencyMinMillis smallest added delay in milliseconds, {@code >= 0}
 * @param latencyMaxMillis largest added delay in milliseconds, from {@code latencyMinMillis} to
 *     {@link #MAX_LATENCY_MILLIS}
 * @param seed seed of the stage's own random generator
 */
public record Impairment(double loss, long latencyMinMillis, long latencyMaxMillis, long seed) {
    /** Longest latency accepted: one minute. */
    public static final long MAX_LATENCY_MILLIS = 60_000;

    /**
     * Checks the ranges.
     *
     * @param loss probability in [0, 1] that an outgoing datagram is dropped
     * @param latencyMinMillis smallest added delay in milliseconds, {@code >= 0}
     * @param latencyMaxMillis largest added delay in milliseconds, in [{@code latencyMinMillis},
     *     {@link #MAX_LATENCY_MILLIS}]
     * @param seed any long
     * @throws IllegalArgumentException if {@code loss} or a latency is out of its range (NaN included)
     */
    public Impairment {
        if (!(loss >= 0.0 && loss <= 1.0)) {
            throw new IllegalArgumentException("loss must be in [0, 1], got " + loss);
        }
        if (latencyMinMillis < 0 || latencyMaxMillis < latencyMinMillis || latencyMaxMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("need 0 <= latencyMinMillis <= latencyMaxMillis <= "
                    + MAX_LATENCY_MILLIS + ", got " + latencyMinMillis + ".." + latencyMaxMillis);
        }
    }

    /**
     * An impairment for tests and experiments: never enable in production.
     *
     * @param loss probability in [0, 1] that an outgoing datagram is dropped
     * @param latencyMinMillis smallest added delay
     * @param latencyMaxMillis largest added delay
     * @param seed seed of the stage's own random generator
     * @return the impairment, to pass to {@link GossipNodeBuilder#impairment}
     * @throws IllegalArgumentException if {@code loss} or a latency is out of its range
     */
    public static Impairment forTesting(double loss, long latencyMinMillis, long latencyMaxMillis, long seed) {
        return new Impairment(loss, latencyMinMillis, latencyMaxMillis, seed);
    }

    /**
     * A copy with a different seed, e.g. one per node of a cluster.
     *
     * @param newSeed the copy's seed
     * @return a new impairment with this one's loss and latencies
     */
    public Impairment withSeed(long newSeed) {
        return new Impairment(loss, latencyMinMillis, latencyMaxMillis, newSeed);
    }
}
