package io.gossip.sim.results;

/**
 * Every node slot at the end of a run, in parallel primitive arrays (one entry per slot).
 *
 * @param alive whether the slot is a live member at the end
 * @param partialView PartialView size (0 for slots that never joined, and in the global baseline)
 * @param inView InView size
 * @param messagesSent messages the node sent, retransmissions included
 * @param messagesReceived messages the network handed to the node
 */
public record NodeTableSnapshot(boolean[] alive, int[] partialView, int[] inView, long[] messagesSent,
        long[] messagesReceived) {

    /** Number of node slots. */
    public int size() {
        return alive.length;
    }
}
