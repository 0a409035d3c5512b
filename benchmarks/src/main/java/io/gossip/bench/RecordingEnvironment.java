package io.gossip.bench;

import io.gossip.protocol.Environment;
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
final class RecordingEnvironment extends OutputTally implements Environment {
    private Message lastSent;

    @Override
    public void send(int from, int to, Message message) {
        lastSent = message;
        sent(to, message instanceof Keep);
    }

    @Override
    public void deliver(int node, Gossip message) {
        delivered(message.originSeq());
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        // The benchmarks never advance time, so there is nothing to wake for.
    }

    /** The last message sent, or null. */
    Message lastSent() {
        return lastSent;
    }
}
