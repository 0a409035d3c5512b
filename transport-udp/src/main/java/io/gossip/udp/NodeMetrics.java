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

    public NodeMetrics {
        rejectedByReason = rejectedByReason.clone();
        droppedByReason = droppedByReason.clone();
        partialView = List.copyOf(partialView);
        inView = List.copyOf(inView);
    }

    @Override
    public long[] rejectedByReason() {
        return rejectedByReason.clone();
    }

    @Override
    public long[] droppedByReason() {
        return droppedByReason.clone();
    }

    /** Incoming datagrams rejected for {@code reason}. */
    public long rejected(RejectReason reason) {
        return rejectedByReason[reason.ordinal()];
    }

    /** All rejected incoming datagrams. */
    public long totalRejected() {
        long total = 0;
        for (long n : rejectedByReason) {
            total += n;
        }
        return total;
    }

    /** Transport drops for {@code reason}. */
    public long dropped(TransportDropReason reason) {
        return droppedByReason[reason.ordinal()];
    }

    /** Size of the PartialView. */
    public int partialViewSize() {
        return partialView.size();
    }

    /** Size of the InView. */
    public int inViewSize() {
        return inView.size();
    }

    /** Rejections by reason, for printing. */
    public Map<RejectReason, Long> rejectedMap() {
        Map<RejectReason, Long> map = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            map.put(r, rejectedByReason[r.ordinal()]);
        }
        return map;
    }

    /** Transport drops by reason, for printing. */
    public Map<TransportDropReason, Long> droppedMap() {
        Map<TransportDropReason, Long> map = new EnumMap<>(TransportDropReason.class);
        for (TransportDropReason r : TransportDropReason.values()) {
            map.put(r, droppedByReason[r.ordinal()]);
        }
        return map;
    }
}
