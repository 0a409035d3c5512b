package io.gossip.bench;

import io.gossip.protocol.NodeIds;

/**
 * What the benchmarks' environments keep of a node's output, whichever form the node has: sends
 * and deliveries counted and folded into a checksum (so the JIT cannot drop the work that produced
 * them), and the last node a Keep went to (how a benchmark learns that a node added someone to its
 * PartialView). Wake-up requests need nothing: the benchmarks never advance time.
 */
abstract class OutputTally {
    private long sends;
    private long deliveries;
    private long checksum;
    private int lastKept = NodeIds.NONE;

    /** Records a send to {@code to}; {@code keep} if it was a Keep. */
    final void sent(int to, boolean keep) {
        sends++;
        checksum = checksum * 31 + to;
        if (keep) {
            lastKept = to;
        }
    }

    /** Records a delivery, folding {@code identity} (something of the message) into the checksum. */
    final void delivered(long identity) {
        deliveries++;
        checksum += identity;
    }

    /** Messages sent so far. */
    final long sends() {
        return sends;
    }

    /** Gossip messages delivered to the application so far. */
    final long deliveries() {
        return deliveries;
    }

    /** A fold of everything observed, for the benchmark to return. */
    final long checksum() {
        return checksum;
    }

    /** The node the last Keep went to, then forgets it; {@link NodeIds#NONE} if none since the last call. */
    final int takeLastKept() {
        int kept = lastKept;
        lastKept = NodeIds.NONE;
        return kept;
    }
}
