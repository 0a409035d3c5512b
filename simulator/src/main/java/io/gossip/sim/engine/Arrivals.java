package io.gossip.sim.engine;

import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.sim.baseline.GlobalGossip;
import io.gossip.sim.network.Network;
import io.gossip.sim.network.NetworkDropReason;

/**
 * The inbound side of the event loop: hands a message or wakeup popped from the queue to its node
 * (a {@link ScampNode}, the arena or the global baseline), or drops it. A message reaches its
 * destination only if the destination is there (not crashed, not an unused slot, not gone from the
 * baseline) and the network lets it through; every drop is counted by reason, and a copy of a
 * broadcast that reaches a live node which already has it is counted as a duplicate.
 *
 * <p>It also counts the run's events: messages handed to nodes ({@link #deliveries}) plus wakeups
 * that called {@code onTimeout} ({@link #events}). Kept apart from {@link Simulation}'s loop, which
 * calls these methods once per event: they touch only this object's final fields and the
 * {@link NodeEnvironment}'s map of arena messages to broadcasts.
 */
final class Arrivals {
    /** {@link #arrivalState} of a message that did not reach its destination. */
    private static final byte DROPPED = -1;

    private final NodeTable table;
    private final Network network;
    private final BroadcastTracker tracker;
    private final NodeEnvironment environment;
    /** The SCAMP nodes as objects, or null (arena or baseline). */
    private final ScampNode[] nodes;
    /** All the SCAMP nodes when the representation is ARENA, else null. */
    private final ScampArena arena;
    /** The baseline, or null for SCAMP. */
    private final GlobalGossip global;
    private final long[] networkDrops;
    private long events;
    private long deliveries;

    /** @param networkDrops where drops are counted, by drop reason ordinal (shared with {@link NodeEnvironment}) */
    Arrivals(NodeTable table, Network network, BroadcastTracker tracker, NodeEnvironment environment,
            ScampNode[] nodes, ScampArena arena, GlobalGossip global, long[] networkDrops) {
        this.table = table;
        this.network = network;
        this.tracker = tracker;
        this.environment = environment;
        this.nodes = nodes;
        this.arena = arena;
        this.global = global;
        this.networkDrops = networkDrops;
    }

    /** Events so far: messages handed to nodes and wakeups that called {@code onTimeout}. */
    long events() {
        return events;
    }

    /** Messages handed to nodes so far: {@link #events} without the wakeups. */
    long deliveries() {
        return deliveries;
    }

    /**
     * A message object arrives at {@code to} (object nodes, the baseline, and the arena's walk steps
     * and, with leases, subscription messages).
     */
    void arrive(long now, int from, int to, Message message) {
        byte state = arrivalState(from, to);
        if (state == DROPPED) {
            return;
        }
        if (arena != null) {
            // The only objects an arena sends: walk steps and, with leases, subscription messages.
            arena.onSubscription(now, to, from, (MembershipMessage) message);
            return;
        }
        if (message instanceof Gossip gossip) {
            int b = tracker.indexOf(gossip.messageId());
            if (b >= 0 && state == NodeTable.LIVE && tracker.has(b, to)) {
                tracker.countDuplicate(b);
            }
            if (global != null) {
                global.onGossip(now, to, gossip);
                return;
            }
        }
        nodes[to].onMessage(now, from, message);
    }

    /** An arena message, as the queue holds it (see {@link NodeEnvironment#PACKED}), arrives at {@code to}. */
    void arrivePacked(long now, int from, int to, long word, int tag) {
        byte state = arrivalState(from, to);
        if (state == DROPPED) {
            return;
        }
        int type = tag >>> 24;
        int subject = (int) word;
        if (type == NodeEnvironment.GOSSIP) {
            int b = environment.broadcastOf(subject);
            if (state == NodeTable.LIVE && tracker.has(b, to)) {
                tracker.countDuplicate(b);
            }
        }
        arena.onMessage(now, to, from, type, (int) (word >>> 32), subject, tag & 0xFF_FFFF);
    }

    /**
     * The destination's state if the message reaches it (counted as delivered), else
     * {@link #DROPPED} (the drop counted).
     */
    private byte arrivalState(int from, int to) {
        byte state = table.state(to);
        if (state == NodeTable.CRASHED) {
            drop(NetworkDropReason.CRASHED_DESTINATION);
            return DROPPED;
        }
        if (state == NodeTable.UNUSED) {
            drop(NetworkDropReason.ABSENT_DESTINATION);
            return DROPPED;
        }
        if (state == NodeTable.LEFT && nodes == null && arena == null) {
            drop(NetworkDropReason.LEFT_DESTINATION);
            return DROPPED;
        }
        int verdict = network.arrivalVerdict(from, to);
        if (verdict != Network.DELIVER) {
            networkDrops[verdict]++;
            return DROPPED;
        }
        if (arena == null) {
            table.countReceived(to);
        }
        events++;
        deliveries++;
        return state;
    }

    /** The wakeup {@code node} asked for is due: it is called if it is still there. */
    void wake(long now, int node) {
        byte state = table.state(node);
        if (state == NodeTable.LIVE || state == NodeTable.LEFT) {
            events++;
            if (arena != null) {
                arena.onTimeout(now, node);
            } else {
                nodes[node].onTimeout(now);
            }
        }
    }

    private void drop(NetworkDropReason reason) {
        networkDrops[reason.ordinal()]++;
    }
}
