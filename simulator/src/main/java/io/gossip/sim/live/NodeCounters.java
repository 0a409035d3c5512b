package io.gossip.sim.live;

import io.gossip.protocol.message.MessageType;
import io.gossip.sim.results.RunResult;
import io.gossip.udp.GossipNode;
import io.gossip.udp.KernelReceiveDrops;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The last metrics snapshot of every node slot of a live run. Open nodes are asked again on each
 * {@link #refresh}; a crashed node keeps the snapshot taken just before it was closed, so totals
 * over the run include what it did while it lived.
 */
final class NodeCounters {
    /** Gossip transmissions and duplicate receipts summed over every slot at one moment. */
    record GossipTotals(long gossip, long duplicates) {
        static final GossipTotals NONE = new GossipTotals(0, 0);

        /** These totals with one node's counts added ({@code m} null: a slot never started, nothing). */
        GossipTotals plus(NodeMetrics m) {
            return m == null ? this
                    : new GossipTotals(gossip + m.core().sent(MessageType.GOSSIP), duplicates + m.core().duplicates());
        }
    }

    private final NodeMetrics[] last;
    /** The kernel's drops at each slot's socket when last asked (its socket is gone once it crashed). */
    private final long[] kernelDrops;
    /** Whether some slot's kernel drops could not be read: the sum would be short. */
    private boolean kernelDropsUnknown;

    NodeCounters(int size) {
        last = new NodeMetrics[size];
        kernelDrops = new long[size];
    }

    /**
     * Asks every listed slot for fresh metrics, one batch per event loop, and waits for the answers:
     * at the end of the run, and for nodes about to crash (their sockets close next).
     */
    void refresh(LoopbackCluster cluster, List<Integer> slots) {
        List<GossipNode> nodes = new ArrayList<>(slots.size());
        for (int slot : slots) {
            nodes.add(cluster.node(slot));
        }
        List<NodeMetrics> fresh = GossipNode.metricsOf(nodes).join();
        for (int i = 0; i < slots.size(); i++) {
            last[slots.get(i)] = fresh.get(i);
        }
    }

    /**
     * What {@link #totals} would give after a {@link #refresh} of
     * {@code open}, without waiting for it: the slots not listed count with their last snapshot
     * (a crashed node's final one), taken now; the listed ones are asked, one batch per event loop,
     * and the future completes when every loop has answered. The snapshots it reads are not kept.
     * A broadcast step hands this in just before the broadcast and goes on: waiting for it made
     * steps 10 ms apart fall seconds behind on an overloaded machine.
     *
     * @param open slots whose nodes are open; every slot with a node that still sends must be here
     */
    CompletableFuture<GossipTotals> totalsAsync(LoopbackCluster cluster, List<Integer> open) {
        BitSet asked = new BitSet(last.length);
        List<GossipNode> nodes = new ArrayList<>(open.size());
        for (int slot : open) {
            asked.set(slot);
            nodes.add(cluster.node(slot));
        }
        GossipTotals others = GossipTotals.NONE;
        for (int slot = asked.nextClearBit(0); slot < last.length; slot = asked.nextClearBit(slot + 1)) {
            others = others.plus(last[slot]);
        }
        GossipTotals ofOthers = others;
        return GossipNode.metricsOf(nodes).thenApply(fresh -> {
            GossipTotals all = ofOthers;
            for (NodeMetrics m : fresh) {
                all = all.plus(m);
            }
            return all;
        });
    }

    /**
     * Reads the kernel's drops at every listed slot's socket, from one read of its tables. Called
     * at the end and just before nodes are closed, not with every {@link #refresh}: with a thousand
     * sockets one read takes about 10 ms, which a broadcast step would wait for.
     */
    void refreshKernelDrops(LoopbackCluster cluster, List<Integer> slots) {
        KernelReceiveDrops table = KernelReceiveDrops.read();
        for (int slot : slots) {
            GossipNode node = cluster.node(slot);
            if (node.isClosed()) {
                continue; // its socket is gone: the count read before it closed stands
            }
            OptionalLong drops = table.of(node.boundAddress());
            if (drops.isPresent()) {
                kernelDrops[slot] = drops.getAsLong();
            } else {
                kernelDropsUnknown = true;
            }
        }
    }

    /**
     * Datagrams the kernel dropped at every slot's socket, summed over each slot's last reading, or
     * {@link RunResult#NOT_MEASURED} if some reading failed (not Linux).
     */
    long kernelReceiveDrops() {
        if (kernelDropsUnknown) {
            return RunResult.NOT_MEASURED;
        }
        long total = 0;
        for (long drops : kernelDrops) {
            total += drops;
        }
        return total;
    }

    /** The last snapshot of a slot, or null if it was never taken. */
    NodeMetrics get(int slot) {
        return last[slot];
    }

    /** Gossip messages sent and duplicate gossip receipts, over every slot's last snapshot. */
    GossipTotals totals() {
        GossipTotals all = GossipTotals.NONE;
        for (NodeMetrics m : last) {
            all = all.plus(m);
        }
        return all;
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
