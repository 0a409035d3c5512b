package io.gossip.sim.engine;

import io.gossip.protocol.Counters;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.sim.baseline.GlobalGossip;
import io.gossip.sim.network.Network;
import io.gossip.sim.results.EventRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the timeline ({@link TimelineDriver}, {@link ChurnProcess}) does to a run's group of nodes:
 * join the next slot, broadcast from a member, crash one, have one unsubscribe; and the two things
 * every timeline step needs, scheduling the next step on the event queue and recording what it did
 * for {@code events.csv}. Each action is done the same way whichever way the run holds its nodes
 * ({@link ScampNode} objects, the arena, or the global baseline, which has no nodes).
 *
 * <p>Kept apart from {@link Simulation}'s loop because these run once per timeline step, not per
 * event: they may allocate (a node object, a closure, a row). The random choices they make (a
 * uniform join contact) come from the timeline's generator, shared with the driver in draw order.
 */
final class GroupActions {
    private final long endMicros;
    private final ProtocolConfig config;
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
    /** Splits each object node's generator off, in join order. */
    private final SplittableRandom nodeSeeds;
    private final SplittableRandom timelineRandom;
    private final Counters counters;
    private final List<EventRow> rows = new ArrayList<>();

    GroupActions(long endMicros, ProtocolConfig config, NodeTable table, Network network,
            BroadcastTracker tracker, NodeEnvironment environment, ScampNode[] nodes, ScampArena arena,
            GlobalGossip global, SplittableRandom nodeSeeds, SplittableRandom timelineRandom, Counters counters) {
        this.endMicros = endMicros;
        this.config = config;
        this.table = table;
        this.network = network;
        this.tracker = tracker;
        this.environment = environment;
        this.nodes = nodes;
        this.arena = arena;
        this.global = global;
        this.nodeSeeds = nodeSeeds;
        this.timelineRandom = timelineRandom;
        this.counters = counters;
    }

    /** Schedules a timeline step (ignored past the end of the run). */
    void schedule(long atMicros, Step step) {
        if (atMicros <= endMicros) {
            environment.scheduleStep(atMicros, step);
        }
    }

    /** Records an executed action for {@code events.csv}. */
    void record(String action, String detail) {
        rows.add(new EventRow(environment.now(), action, detail));
    }

    /** The rows {@link #record} added, in order. */
    List<EventRow> rows() {
        return rows;
    }

    /**
     * Joins the next unused slot: it bootstraps the group if no member is live, else joins through a
     * uniformly random live member ({@code uniform}) or node 0 (the lowest live id if node 0 is gone).
     * Returns the node, or -1 if no slot is left.
     */
    int joinNext(boolean uniform) {
        if (table.unusedCount() == 0) {
            return -1;
        }
        int contact = -1;
        if (table.liveCount() > 0) {
            contact = uniform ? table.liveAt(timelineRandom.nextInt(table.liveCount())) : table.lowestLive();
        }
        long now = environment.now();
        int node = table.join();
        if (arena != null) {
            if (contact < 0) {
                arena.bootstrap(now, node);
            } else {
                arena.join(now, node, contact);
            }
        } else if (nodes != null) {
            ScampNode scamp = new ScampNode(node, config, environment, nodeSeeds.split(), counters);
            nodes[node] = scamp;
            if (contact < 0) {
                scamp.bootstrap(now);
            } else {
                scamp.join(now, contact);
            }
        }
        return node;
    }

    /** Broadcasts a payload from {@code origin}, which must be live; returns the broadcast index. */
    int broadcastFrom(int origin, byte[] payload) {
        long now = environment.now();
        int b = tracker.open(origin, now, table.joins());
        if (arena != null) {
            environment.bindArenaMessage(arena.messageCount(), b);
            arena.broadcast(now, origin);
            return b;
        }
        if (nodes == null) {
            global.broadcast(now, origin, b, payload);
            return b;
        }
        environment.openingBroadcast(b);
        try {
            tracker.bind(nodes[origin].broadcast(now, payload), b);
        } finally {
            environment.openingBroadcast(-1);
        }
        return b;
    }

    /** Crashes a live node silently. */
    void crash(int node) {
        tracker.nodeLeaving(environment.now());
        table.end(node, NodeTable.CRASHED);
    }

    /** A live node unsubscribes gracefully. */
    void unsubscribe(int node) {
        tracker.nodeLeaving(environment.now());
        table.end(node, NodeTable.LEFT);
        if (arena != null) {
            arena.leave(environment.now(), node);
        } else if (nodes != null) {
            nodes[node].leave(environment.now());
        }
    }

    /** The run's node table (read by the timeline to pick nodes). */
    NodeTable table() {
        return table;
    }

    /** The run's network (partitioned and healed by the timeline). */
    Network network() {
        return network;
    }
}
