package io.gossip.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.ArrayDeque;

/**
 * A node's bounded queue of datagrams ready for the wire, and the writes that drain it. The
 * channel does not block: when the socket would, the node waits for writability instead of
 * spinning, and a full queue drops the datagram (counted) instead of growing, so a slow socket
 * costs datagrams, never unbounded memory. Confined to the loop thread, like its node.
 */
final class OutboundQueue {
    private record Outgoing(ByteBuffer datagram, InetSocketAddress to) {
    }

    private final NodeRuntime node;
    private final DatagramChannel channel;
    private final SelectionKey key;
    private final int outboundCapacity;
    /** The node's transport drop counters (shared, indexed by {@link TransportDropReason}). */
    private final long[] transportDrops;
    private final ArrayDeque<Outgoing> outbound = new ArrayDeque<>();
    private long datagramsSent;

    OutboundQueue(NodeRuntime node, DatagramChannel channel, SelectionKey key, int outboundCapacity,
            long[] transportDrops) {
        this.node = node;
        this.channel = channel;
        this.key = key;
        this.outboundCapacity = outboundCapacity;
        this.transportDrops = transportDrops;
    }

    /** Queues a datagram for the socket, dropping it if the bounded queue is full. */
    void enqueue(ByteBuffer datagram, InetSocketAddress to) {
        if (outbound.size() >= outboundCapacity) {
            transportDrops[TransportDropReason.OUTBOUND_QUEUE_FULL.ordinal()]++;
            return;
        }
        outbound.add(new Outgoing(datagram, to));
        flush();
    }

    /** Writes queued datagrams until the socket would block; then waits for writability. */
    void flush() {
        while (node.isOpen() && !outbound.isEmpty()) {
            Outgoing next = outbound.peek();
            try {
                if (channel.send(next.datagram(), next.to()) == 0) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                datagramsSent++;
            } catch (IOException | UnsupportedAddressTypeException | SecurityException e) {
                // e.g. an IPv6 destination on an IPv4 socket: this datagram cannot go, the next may
                transportDrops[TransportDropReason.SEND_FAILED.ordinal()]++;
            }
            outbound.poll();
        }
        if (node.isOpen() && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Forgets every queued datagram (the node is closing). */
    void clear() {
        outbound.clear();
    }

    /** Datagrams queued now. */
    int size() {
        return outbound.size();
    }

    /** Datagrams the socket accepted so far. */
    long datagramsSent() {
        return datagramsSent;
    }
}
