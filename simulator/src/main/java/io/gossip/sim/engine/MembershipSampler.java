package io.gossip.sim.engine;

import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.sim.results.NodeTableSnapshot;
import io.gossip.sim.results.TimelineSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads view sizes off the nodes: a {@link TimelineSample} over the live members now and then, and
 * the final per-node snapshot. In the global baseline there are no views; every live node is
 * reported with a PartialView and an InView of {@code fanout}: its targets per forward, and the
 * mean number of nodes that forward each message to it. Means over no live node are 0.
 */
final class MembershipSampler {
    private final NodeTable table;
    private final ScampNode[] nodes;
    private final ScampArena arena;
    private final int c;
    private final int fanout;
    private final List<TimelineSample> samples = new ArrayList<>();

    /** Reads {@code nodes}, or {@code arena} if not null, or neither in the baseline (both null). */
    MembershipSampler(NodeTable table, ScampNode[] nodes, ScampArena arena, int c, int fanout) {
        this.table = table;
        this.nodes = nodes;
        this.arena = arena;
        this.c = c;
        this.fanout = fanout;
    }

    void sample(long nowMicros) {
        int live = table.liveCount();
        long pvSum = 0;
        long ivSum = 0;
        int pvMin = live == 0 ? 0 : Integer.MAX_VALUE;
        int pvMax = 0;
        for (int i = 0; i < live; i++) {
            int node = table.liveAt(i);
            int pv = partialViewSize(node);
            pvSum += pv;
            ivSum += inViewSize(node);
            pvMin = Math.min(pvMin, pv);
            pvMax = Math.max(pvMax, pv);
        }
        double pvMean = live == 0 ? 0 : (double) pvSum / live;
        double ivMean = live == 0 ? 0 : (double) ivSum / live;
        samples.add(new TimelineSample(nowMicros, live, pvMean, pvMin, pvMax, ivMean, expectedPartialView(c, live)));
    }

    List<TimelineSample> samples() {
        return samples;
    }

    NodeTableSnapshot snapshot() {
        int n = table.size();
        NodeTableSnapshot.Builder snapshot = new NodeTableSnapshot.Builder(n);
        for (int node = 0; node < n; node++) {
            snapshotOf(node, snapshot);
        }
        return snapshot.build();
    }

    /**
     * One node's row of {@link #snapshot}. A method of its own, not the loop's body: a run takes one
     * snapshot, so a loop body would run interpreted for most of its 100,000 or 1,000,000 nodes and
     * be compiled on the stack near its end, in every run; this method is compiled from the calls
     * of the runs before (the scale benchmark's warm-up makes 20,000).
     */
    private void snapshotOf(int node, NodeTableSnapshot.Builder snapshot) {
        boolean alive = table.isLive(node);
        boolean views = arena != null || (nodes != null && nodes[node] != null) || (nodes == null && alive);
        boolean joined = table.state(node) != NodeTable.UNUSED;
        snapshot.set(node, joined, alive, views ? partialViewSize(node) : 0, views ? inViewSize(node) : 0,
                arena != null ? arena.messagesSent(node) : table.sent(node),
                arena != null ? arena.messagesReceived(node) : table.received(node));
    }

    /** A node's PartialView size; in the baseline, its targets per forward. */
    private int partialViewSize(int node) {
        return arena != null ? arena.partialViewSize(node) : nodes == null ? fanout : nodes[node].partialViewSize();
    }

    /** A node's InView size; in the baseline, the mean number of nodes forwarding to it. */
    private int inViewSize(int node) {
        return arena != null ? arena.inViewSize(node) : nodes == null ? fanout : nodes[node].inViewSize();
    }

    /** The paper's prediction of the mean PartialView size, {@code (c+1)·ln(live)}; 0 below 2 nodes. */
    static double expectedPartialView(int c, int live) {
        return live < 2 ? 0 : (c + 1) * Math.log(live);
    }
}
