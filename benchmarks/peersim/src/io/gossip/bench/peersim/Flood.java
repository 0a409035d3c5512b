package io.gossip.bench.peersim;

/**
 * One broadcast's message. Every copy of a broadcast is this one object: flooding forwards it
 * unchanged, so a send allocates nothing of ours and PeerSim's own costs are what is measured.
 */
final class Flood {
    /** The broadcast's index, 0 for the first. */
    final int broadcast;

    Flood(int broadcast) {
        this.broadcast = broadcast;
    }
}
