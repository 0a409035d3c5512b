package io.gossip.udp;

import io.gossip.udp.dtls.DtlsProtection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * What the DTLS layer may do to its node: send raw datagrams (handshake flights, alerts, sealed
 * records) through the node's impairment stage and outbound queue, arm the node's timers on the
 * loop, and read the node's views so sessions with peers that left them can close. The DTLS layer
 * sends on its own, unlike the other protections, so it needs this way back into the node.
 * Called on the loop thread only.
 */
final class NodeDtlsHost implements DtlsProtection.Host {
    private final NodeRuntime node;
    private final EventLoop loop;

    NodeDtlsHost(NodeRuntime node, EventLoop loop) {
        this.node = node;
        this.loop = loop;
    }

    @Override
    public void transmit(InetSocketAddress to, ByteBuffer datagram) {
        node.transmit(datagram, to);
    }

    @Override
    public void wakeAt(long deadlineMicros) {
        loop.wakeAt(deadlineMicros, node);
    }

    @Override
    public Set<InetSocketAddress> viewPeers() {
        Set<InetSocketAddress> peers = new HashSet<>();
        for (int id : node.core().partialView()) {
            addIfKnown(peers, id);
        }
        for (int id : node.core().inView()) {
            addIfKnown(peers, id);
        }
        return peers;
    }

    /** A view's ids all have addresses while the node is open; one without is a bug the loop counts. */
    private void addIfKnown(Set<InetSocketAddress> peers, int id) {
        InetSocketAddress address = loop.socketAddress(id);
        if (address != null) {
            peers.add(address);
        }
    }
}
