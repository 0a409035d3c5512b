package io.gossip.bench.peersim;

import peersim.config.Configuration;
import peersim.config.FastConfig;
import peersim.core.Linkable;
import peersim.core.Node;
import peersim.edsim.EDProtocol;
import peersim.transport.Transport;

/**
 * The flooding workload as a PeerSim protocol: on the first receipt of a broadcast, a node
 * sends it to every neighbour of its linkable (the static random view that {@code WireKOut}
 * wires); later copies are only counted. Sends go through the configured transport, so latency
 * and loss are PeerSim's own ({@code UniformRandomTransport} under {@code UnreliableTransport}).
 *
 * <p>A node remembers the broadcasts it has seen as one bit each. The run's tallies are static:
 * PeerSim's event-driven engine runs on one thread, and one run happens per JVM.
 */
public final class FloodingProtocol implements EDProtocol {
    private static final String PAR_BROADCASTS = "broadcasts";

    /** Messages delivered to a node's protocol: the events. */
    static long deliveries;
    /** Per broadcast, the nodes it reached (the source included). */
    static long[] reached;

    private long[] seen;

    public FloodingProtocol(String prefix) {
        int broadcasts = Configuration.getInt(prefix + "." + PAR_BROADCASTS);
        if (broadcasts < 1) {
            throw new IllegalArgumentException(prefix + "." + PAR_BROADCASTS + " must be at least 1");
        }
        seen = new long[(broadcasts + 63) >>> 6];
        reached = new long[broadcasts];
        deliveries = 0;
    }

    @Override
    public Object clone() {
        try {
            FloodingProtocol copy = (FloodingProtocol) super.clone();
            copy.seen = new long[seen.length];
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Starts broadcast {@code message} at {@code node}: it is the first to hold it. */
    void originate(Node node, int pid, Flood message) {
        if (firstReceipt(message.broadcast)) {
            forward(node, pid, message);
        }
    }

    @Override
    public void processEvent(Node node, int pid, Object event) {
        deliveries++;
        Flood message = (Flood) event;
        if (firstReceipt(message.broadcast)) {
            forward(node, pid, message);
        }
    }

    private boolean firstReceipt(int broadcast) {
        long bit = 1L << broadcast;
        int word = broadcast >>> 6;
        if ((seen[word] & bit) != 0) {
            return false;
        }
        seen[word] |= bit;
        reached[broadcast]++;
        return true;
    }

    private static void forward(Node node, int pid, Flood message) {
        Linkable view = (Linkable) node.getProtocol(FastConfig.getLinkable(pid));
        Transport transport = (Transport) node.getProtocol(FastConfig.getTransport(pid));
        for (int i = 0, k = view.degree(); i < k; i++) {
            transport.send(node, view.getNeighbor(i), message, pid);
        }
    }
}
