package io.gossip.sim.live;

import io.gossip.protocol.message.MessageType;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The last metrics snapshot of every node slot of a live run. Open nodes are asked again on each
 * {@link #refresh}; a crashed node keeps the snapshot taken just before it was closed, so totals
 * over the run include what it did while it lived.
 */
final class NodeCounters {
    private final NodeMetrics[] last;

    NodeCounters(int size) {
        last = new NodeMetrics[size];
    }

    /** Asks every listed slot for fresh metrics, all at once, and waits for the answers. */
    void refresh(LoopbackCluster cluster, List<Integer> slots) {
        List<CompletableFuture<NodeMetrics>> pending = new ArrayList<>(slots.size());
        for (int slot : slots) {
            pending.add(cluster.node(slot).metricsAsync());
        }
        for (int i = 0; i < slots.size(); i++) {
            last[slots.get(i)] = pending.get(i).join();
        }
    }

    /** Refreshes one slot. */
    void refresh(LoopbackCluster cluster, int slot) {
        last[slot] = cluster.node(slot).metrics();
    }

    /** The last snapshot of a slot, or null if it was never taken. */
    NodeMetrics get(int slot) {
        return last[slot];
    }

    /** Gossip messages sent, over every slot's last snapshot. */
    long gossipSent() {
        long total = 0;
        for (NodeMetrics m : last) {
            total += m == null ? 0 : m.core().sent(MessageType.GOSSIP);
        }
        return total;
    }

    /** Duplicate gossip receipts, over every slot's last snapshot. */
    long duplicates() {
        long total = 0;
        for (NodeMetrics m : last) {
            total += m == null ? 0 : m.core().duplicates();
        }
        return total;
    }

    /** Messages sent by type ordinal, summed. */
    long[] sentByType() {
        long[] out = new long[MessageType.count()];
        for (NodeMetrics m : last) {
            if (m != null) {
                long[] sent = m.core().sentByType();
                for (int i = 0; i < out.length; i++) {
                    out[i] += sent[i];
                }
            }
        }
        return out;
    }

    /** Core drops by reason ordinal, summed. */
    long[] droppedByReason(int reasons) {
        long[] out = new long[reasons];
        for (NodeMetrics m : last) {
            if (m != null) {
                long[] dropped = m.core().droppedByReason();
                for (int i = 0; i < out.length; i++) {
                    out[i] += dropped[i];
                }
            }
        }
        return out;
    }

    /** Transport drops for one reason, summed. */
    long transportDropped(TransportDropReason reason) {
        long total = 0;
        for (NodeMetrics m : last) {
            total += m == null ? 0 : m.dropped(reason);
        }
        return total;
    }

    /** Datagrams read from sockets, summed. */
    long datagramsReceived() {
        long total = 0;
        for (NodeMetrics m : last) {
            total += m == null ? 0 : m.datagramsReceived();
        }
        return total;
    }
}
