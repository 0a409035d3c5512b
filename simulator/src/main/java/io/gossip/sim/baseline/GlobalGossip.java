package io.gossip.sim.baseline;

import io.gossip.protocol.message.Gossip;
import io.gossip.sim.engine.BroadcastTracker;
import io.gossip.sim.engine.NodeTable;
import io.gossip.sim.engine.Simulation;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's "global knowledge" reference: no membership protocol at all. A node receiving a
 * gossip message for the first time forwards it to {@code fanout} distinct targets drawn uniformly
 * from the group's members other than itself (all of them if fewer); later copies are duplicates
 * and are dropped. Messages go through the same simulated network as SCAMP's, and joins only make
 * nodes members. Duplicate detection uses the run's first-receipt record, so it never forgets.
 *
 * <p>Who is a member: every node that joined and has not left gracefully. A crashed node stays a
 * member, as nothing tells the others it crashed: the paper's global scheme has no failure
 * detector, and the copies it sends to crashed members are lost, as SCAMP's are to crashed nodes
 * still in PartialViews; that is what makes the two comparable under failures. With
 * {@code knowsCrashes}, a crash removes the node at once (a perfect failure detector), and targets
 * are live nodes only.
 */
public final class GlobalGossip {
    private final Simulation sim;
    private final NodeTable table;
    private final BroadcastTracker tracker;
    private final int fanout;
    private final SplittableRandom random;
    private final int hopLimit;
    private final boolean knowsCrashes;
    private final int[] chosen;
    /** Members (joined, not left) in slots 0..memberCount-1, and each node's slot, -1 if none. */
    private final int[] members;
    private final int[] slotOf;
    private int memberCount;

    /**
     * @param sim the run, through which messages are sent
     * @param fanout targets per forward, >= 1
     * @param random the baseline's own generator
     * @param hopLimit hops after which a message is delivered but not forwarded, 0 = none (the
     *     SCAMP nodes' {@code gossipHopLimit}, for a like-for-like comparison)
     * @param knowsCrashes whether targets are drawn from live nodes only (a perfect failure
     *     detector) rather than from every member that has not left gracefully
     */
    public GlobalGossip(Simulation sim, int fanout, SplittableRandom random, int hopLimit, boolean knowsCrashes) {
        if (fanout < 1) {
            throw new IllegalArgumentException("fanout must be >= 1, got " + fanout);
        }
        this.sim = sim;
        this.table = sim.nodeTable();
        this.tracker = sim.tracker();
        this.fanout = fanout;
        this.random = random;
        this.hopLimit = hopLimit;
        this.knowsCrashes = knowsCrashes;
        // At most every other node is chosen: a fanout beyond the group (valid, it means everyone)
        // must not size the array.
        this.chosen = new int[Math.min(fanout, table.size())];
        this.members = knowsCrashes ? null : new int[table.size()];
        this.slotOf = knowsCrashes ? null : new int[table.size()];
        if (slotOf != null) {
            Arrays.fill(slotOf, -1);
        }
    }

    /** {@code node} has joined: it is a member from now on. */
    public void joined(int node) {
        if (!knowsCrashes && slotOf[node] < 0) {
            slotOf[node] = memberCount;
            members[memberCount++] = node;
        }
    }

    /** {@code node} has left gracefully: the others stop choosing it. */
    public void left(int node) {
        if (!knowsCrashes && slotOf[node] >= 0) {
            int slot = slotOf[node];
            int last = members[--memberCount];
            members[slot] = last;
            slotOf[last] = slot;
            slotOf[node] = -1;
        }
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
        int count = knowsCrashes ? table.liveCount() : memberCount;
        int others = count - (isMember(node) ? 1 : 0);
        int k = Math.min(fanout, others);
        if (k == others) {
            for (int i = 0; i < count; i++) {
                int target = member(i);
                if (target != node) {
                    sim.send(node, target, message);
                }
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            int target;
            do {
                target = member(random.nextInt(count));
            } while (target == node || contains(chosen, i, target));
            chosen[i] = target;
            sim.send(node, target, message);
        }
    }

    private boolean isMember(int node) {
        return knowsCrashes ? table.isLive(node) : slotOf[node] >= 0;
    }

    private int member(int i) {
        return knowsCrashes ? table.liveAt(i) : members[i];
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
