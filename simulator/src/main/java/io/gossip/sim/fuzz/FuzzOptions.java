package io.gossip.sim.fuzz;

/**
 * What a fuzz run does: how long it throws datagrams, from which seed, how fast, at a cluster of
 * how many nodes.
 *
 * @param durationMillis how long datagrams are thrown at the target, in wall-clock milliseconds
 * @param seed root seed of the cluster's nodes and of the datagram generator: the same seed makes
 *     the same sequence of mutation choices (the bytes also carry the run's ephemeral ports)
 * @param ratePerSecond datagrams per second to aim for; 0 sends as fast as the socket takes them
 * @param nodes nodes in the loopback cluster, at least 2 (one is the target)
 * @param maxRenewalCopies valid Subscribe and Walk messages asking for more renewal copies than this
 *     are withheld (counted, not sent): one such datagram makes a node send that many reliable
 *     messages, an amplification of the protocol's trust in its members, not a decoding defect;
 *     65,535 withholds nothing
 */
public record FuzzOptions(long durationMillis, long seed, int ratePerSecond, int nodes, int maxRenewalCopies) {
    /** Default number of nodes in the cluster. */
    public static final int DEFAULT_NODES = 5;
    /** Default sending rate: enough for millions of datagrams a minute, without starving the cluster. */
    public static final int DEFAULT_RATE_PER_SECOND = 50_000;
    /** Default bound on the renewal copies of the valid messages sent: what an honest node asks for. */
    public static final int DEFAULT_MAX_RENEWAL_COPIES = 16;
    /** Longest run accepted, one hour. */
    public static final long MAX_DURATION_MILLIS = 3_600_000;

    public FuzzOptions {
        if (durationMillis < 1 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException("duration must be in [1 ms, " + MAX_DURATION_MILLIS / 1_000
                    + " s], got " + durationMillis + " ms");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0 datagrams per second (0 = unpaced), got "
                    + ratePerSecond);
        }
        if (nodes < 2 || nodes > 100) {
            throw new IllegalArgumentException("nodes must be in [2, 100], got " + nodes);
        }
        if (maxRenewalCopies < 0 || maxRenewalCopies > 65_535) {
            throw new IllegalArgumentException("max renewal copies must be in [0, 65535], got " + maxRenewalCopies);
        }
    }
}
