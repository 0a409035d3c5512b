package io.gossip.sim.baseline;

import io.gossip.protocol.message.Gossip;
import io.gossip.sim.engine.BroadcastTracker;
import io.gossip.sim.engine.NodeTable;
import io.gossip.sim.engine.Simulation;
import java.util.SplittableRandom;

/**
 * The paper's "global knowledge" reference: no membership protocol at all. A node receiving a
 * gossip message for the first time forwards it to {@code fanout} distinct targets drawn uniformly
 * from all live members other than itself (all of them if fewer); later copies are duplicates and
 * are dropped. Messages go through the same simulated network as SCAMP's, and joins only make nodes
 * live. Duplicate detection uses the run's first-receipt record, so it never forgets.
 */
public final class GlobalGossip {
    private final Simulation sim;
    private final NodeTable table;
    private final BroadcastTracker tracker;
    private final int fanout;
    private final SplittableRandom random;
    private final int hopLimit;
    private final int[] chosen;

    /**
     * @param sim the run, through which messages are sent
     * @param fanout targets per forward, >= 1
     * @param random the baseline's own generator
     * @param hopLimit hops after which a message is delivered but not forwarded, 0 = none (the
     *     SCAMP nodes' {@code gossipHopLimit}, for a like-for-like comparison)
     */
    public GlobalGossip(Simulation sim, int fanout, SplittableRandom random, int hopLimit) {
        if (fanout < 1) {
            throw new IllegalArgumentException("fanout must be >= 1, got " + fanout);
        }
        this.sim = sim;
        this.table = sim.nodeTable();
        this.tracker = sim.tracker();
        this.fanout = fanout;
        this.random = random;
        this.hopLimit = hopLimit;
        this.chosen = new int[fanout];
    }

    /** Starts broadcast {@code b} at {@code origin} (a live node). */
    public void broadcast(long nowMicros, int origin, int b, byte[] payload) {
        Gossip message = Gossip.create(origin, b, 0, payload);
        tracker.bind(message.messageId(), b);
        forward(origin, message.nextHop());
    }

    /** Handles a gossip message that arrived at live node {@code node}. */
    public void onGossip(long nowMicros, int node, Gossip message) {
        int b = tracker.indexOf(message.messageId());
        if (b < 0 || tracker.has(b, node)) {
            return;
        }
        tracker.firstReceipt(b, node, nowMicros, message.hops());
        if (hopLimit > 0 && message.hops() >= hopLimit) {
            return;
        }
        forward(node, message.nextHop());
    }

    private void forward(int node, Gossip message) {
        int live = table.liveCount();
        int others = live - (table.isLive(node) ? 1 : 0);
        int k = Math.min(fanout, others);
        if (k == others) {
            for (int i = 0; i < live; i++) {
                int target = table.liveAt(i);
                if (target != node) {
                    sim.send(node, target, message);
                }
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            int target;
            do {
                target = table.liveAt(random.nextInt(live));
            } while (target == node || contains(chosen, i, target));
            chosen[i] = target;
            sim.send(node, target, message);
        }
    }

    private static boolean contains(int[] a, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (a[i] == value) {
                return true;
            }
        }
        return false;
    }
}
