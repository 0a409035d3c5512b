package io.gossip.bench;

import io.gossip.protocol.Environment;
import io.gossip.protocol.NodeIds;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Message;

/**
 * The cheapest {@link Environment} that still keeps the node's output observable: it counts sends
 * and deliveries and folds their destinations into a checksum (so the JIT cannot drop the work that
 * produced them), and remembers the last node a {@link Keep} went to, which is how a benchmark
 * learns that the node added someone to its PartialView. It also holds on to the last message sent,
 * as a real driver does (the simulator queues it, the UDP loop encodes it): otherwise escape
 * analysis could remove the allocation of each message the node creates, and the benchmark would
 * measure less than a node costs. Wake-up requests are ignored: the
 * benchmarks run with heartbeats and leases off and never advance time.
 */
final class RecordingEnvironment implements Environment {
    private long sends;
    private long deliveries;
    private long checksum;
    private int lastKept = NodeIds.NONE;
    private Message lastSent;

    @Override
    public void send(int from, int to, Message message) {
        sends++;
        lastSent = message;
        checksum = checksum * 31 + to;
        if (message instanceof Keep) {
            lastKept = to;
        }
    }

    @Override
    public void deliver(int node, Gossip message) {
        deliveries++;
        checksum += message.originSeq();
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        // The benchmarks never advance time, so there is nothing to wake for.
    }

    /** Messages sent so far. */
    long sends() {
        return sends;
    }

    /** Gossip messages delivered to the application so far. */
    long deliveries() {
        return deliveries;
    }

    /** The last message sent, or null. */
    Message lastSent() {
        return lastSent;
    }

    /** A fold of everything observed, for the benchmark to return. */
    long checksum() {
        return checksum;
    }

    /** The node the last Keep went to, then forgets it; {@link NodeIds#NONE} if none since the last call. */
    int takeLastKept() {
        int kept = lastKept;
        lastKept = NodeIds.NONE;
        return kept;
    }
}
