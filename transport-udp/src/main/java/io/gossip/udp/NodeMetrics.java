package io.gossip.udp;

import io.gossip.protocol.CounterSnapshot;
import io.gossip.udp.wire.RejectReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent snapshot of one live node, taken on its event loop: the protocol core's counters,
 * the transport's own drops and decode rejections, datagram counts, and both views as addresses.
 *
 * @param address the node's advertised address
 * @param member whether the node has joined (or bootstrapped) and not left
 * @param core the protocol core's counters (messages by type, drops by core reason, deliveries...)
 * @param rejectedByReason incoming datagrams rejected by the decoder, indexed by
 *     {@link RejectReason#ordinal()}
 * @param droppedByReason transport drops, indexed by {@link TransportDropReason#ordinal()}
 * @param datagramsSent datagrams handed to the operating system
 * @param datagramsReceived datagrams read from the socket, valid or not
 * @param partialView the PartialView (the peers this node gossips to), in insertion order
 * @param inView the InView (the peers holding this node), in insertion order
 * @param unacknowledged membership messages sent and not yet acknowledged
 * @param outboundQueued datagrams waiting in the outbound queue
 */
public record NodeMetrics(PeerAddress address, boolean member, CounterSnapshot core, long[] rejectedByReason,
        long[] droppedByReason, long datagramsSent, long datagramsReceived, List<PeerAddress> partialView,
        List<PeerAddress> inView, int unacknowledged, int outboundQueued) {

    /**
     * Copies the arrays and lists, so that the snapshot does not change with the node.
     *
     * @param address the node's advertised address
     * @param member whether the node is a member
     * @param core the protocol core's counters
     * @param rejectedByReason decoder rejections by {@link RejectReason} ordinal, not null; copied
     * @param droppedByReason transport drops by {@link TransportDropReason} ordinal, not null; copied
     * @param datagramsSent datagrams handed to the operating system
     * @param datagramsReceived datagrams read from the socket
     * @param partialView the PartialView's peers, not null and without null elements; copied
     * @param inView the InView's peers, not null and without null elements; copied
     * @param unacknowledged membership messages not yet acknowledged
     * @param outboundQueued datagrams in the outbound queue
     * @throws NullPointerException if an array or list, or an element of a list, is null
     */
    public NodeMetrics {
        rejectedByReason = rejectedByReason.clone();
        droppedByReason = droppedByReason.clone();
        partialView = List.copyOf(partialView);
        inView = List.copyOf(inView);
    }

    /**
     * Incoming datagrams rejected by the decoder, by reason.
     *
     * @return a fresh copy, indexed by {@link RejectReason} ordinal, {@link RejectReason#count()} long
     */
    @Override
    public long[] rejectedByReason() {
        return rejectedByReason.clone();
    }

    /**
     * Transport drops by reason.
     *
     * @return a fresh copy, indexed by {@link TransportDropReason} ordinal, {@link TransportDropReason#count()}
     *     long
     */
    @Override
    public long[] droppedByReason() {
        return droppedByReason.clone();
    }

    /**
     * Incoming datagrams rejected for {@code reason}.
     *
     * @param reason the reason, not null
     * @return the count, {@code >= 0}
     */
    public long rejected(RejectReason reason) {
        return rejectedByReason[reason.ordinal()];
    }

    /**
     * All rejected incoming datagrams.
     *
     * @return the sum of {@link #rejectedByReason()}
     */
    public long totalRejected() {
        long total = 0;
        for (long n : rejectedByReason) {
            total += n;
        }
        return total;
    }

    /**
     * Transport drops for {@code reason}.
     *
     * @param reason the reason, not null
     * @return the count, {@code >= 0}
     */
    public long dropped(TransportDropReason reason) {
        return droppedByReason[reason.ordinal()];
    }

    /**
     * Size of the PartialView.
     *
     * @return {@code partialView().size()}
     */
    public int partialViewSize() {
        return partialView.size();
    }

    /**
     * Size of the InView.
     *
     * @return {@code inView().size()}
     */
    public int inViewSize() {
        return inView.size();
    }

    /**
     * Rejections by reason, for printing.
     *
     * @return a new mutable map with every reason, zero counts included, in ordinal order
     */
    public Map<RejectReason, Long> rejectedMap() {
        Map<RejectReason, Long> map = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            map.put(r, rejectedByReason[r.ordinal()]);
        }
        return map;
    }

    /**
     * Transport drops by reason, for printing.
     *
     * @return a new mutable map with every reason, zero counts included, in ordinal order
     */
    public Map<TransportDropReason, Long> droppedMap() {
        Map<TransportDropReason, Long> map = new EnumMap<>(TransportDropReason.class);
        for (TransportDropReason r : TransportDropReason.values()) {
            map.put(r, droppedByReason[r.ordinal()]);
        }
        return map;
    }
}
