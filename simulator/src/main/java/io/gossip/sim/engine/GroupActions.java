package io.gossip.sim.engine;

import io.gossip.protocol.Counters;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.sim.baseline.GlobalGossip;
import io.gossip.sim.network.Network;
import io.gossip.sim.results.EventRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What the timeline does to a run's group of nodes besides its table ({@link TimelineGroup}): join,
 * broadcast from, crash or unsubscribe SCAMP nodes, partition the network, tell the broadcast
 * tracker a node is going; and the two things every timeline step needs, scheduling the next step
 * on the event queue and recording what it did for {@code events.csv}. Each action is done the same
 * way whichever way the run holds its nodes ({@link ScampNode} objects, the arena, or the global
 * baseline, which has no nodes).
 *
 * <p>Kept apart from {@link Simulation}'s loop because these run once per timeline step, not per
 * event: they may allocate (a node object, a closure, a row). The random choices they make (a
 * uniform join contact) come from the timeline's generator, shared with the driver in draw order.
 */
final class GroupActions extends TimelineGroup {
    private final long endMicros;
    private final ProtocolConfig config;
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
    private final Counters counters;
    private final List<EventRow> rows = new ArrayList<>();
    /** The arena's index of each broadcast's message (arena runs only). */
    private int[] arenaMessageOf = new int[16];
    /** Where the run's warnings go; null for nowhere. */
    private Consumer<String> warnings;
    private boolean skipTold;

    GroupActions(long endMicros, ProtocolConfig config, NodeTable table, Network network,
            BroadcastTracker tracker, NodeEnvironment environment, ScampNode[] nodes, ScampArena arena,
            GlobalGossip global, SplittableRandom nodeSeeds, SplittableRandom timelineRandom, Counters counters) {
        super(table, timelineRandom);
        this.endMicros = endMicros;
        this.config = config;
        this.network = network;
        this.tracker = tracker;
        this.environment = environment;
        this.nodes = nodes;
        this.arena = arena;
        this.global = global;
        this.nodeSeeds = nodeSeeds;
        this.counters = counters;
    }

    /** Sends the run's warnings about its timeline to {@code warnings} ({@link #broadcastSkipped}). */
    void onWarning(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Says the run's first skipped broadcast: the others are in events.csv, as it says. */
    @Override
    void broadcastSkipped(int source) {
        if (!skipTold && warnings != null) {
            skipTold = true;
            warnings.accept(RunWarnings.broadcastSkipped(environment.now(), source));
        }
    }

    @Override
    void schedule(long atMicros, Step step) {
        if (atMicros <= endMicros) {
            environment.scheduleStep(atMicros, step);
        }
    }

    @Override
    void record(String action, String detail) {
        rows.add(new EventRow(environment.now(), action, detail));
    }

    /** The rows {@link #record} added, in order. */
    List<EventRow> rows() {
        return rows;
    }

    @Override
    void joined(int node, int contact) {
        long now = environment.now();
        if (arena != null) {
            if (contact < 0) {
                arena.bootstrap(now, node);
            } else {
                arena.join(now, node, contact);
            }
        } else if (global != null) {
            global.joined(node);
        } else if (nodes != null) {
            ScampNode scamp = new ScampNode(node, config, environment, nodeSeeds.split(), counters);
            nodes[node] = scamp;
            if (contact < 0) {
                scamp.bootstrap(now);
            } else {
                scamp.join(now, contact);
            }
        }
    }

    @Override
    int broadcastFrom(int origin, byte[] payload) {
        long now = environment.now();
        int b = tracker.open(origin, now, table().joins());
        if (arena != null) {
            if (b >= arenaMessageOf.length) {
                arenaMessageOf = Arrays.copyOf(arenaMessageOf, Math.max(b + 1, arenaMessageOf.length * 2));
            }
            arenaMessageOf[b] = arena.messageCount();
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

    /**
     * Has the arena's nodes drop each broadcast's message from their memories once it is over,
     * where {@link EarlyForgetting} says it changes nothing they do.
     */
    void dropOverMessages() {
        tracker.onOver((b, sentMicros, lastArrivalMicros) -> {
            if (EarlyForgetting.drops(config, sentMicros, lastArrivalMicros)) {
                arena.messageOver(arenaMessageOf[b], lastArrivalMicros);
            }
        });
    }

    @Override
    void leaving(int node) {
        tracker.nodeLeaving(node, environment.now());
    }

    @Override
    void unsubscribed(int node) {
        if (arena != null) {
            arena.leave(environment.now(), node);
        } else if (global != null) {
            global.left(node);
        } else if (nodes != null) {
            nodes[node].leave(environment.now());
        }
    }

    @Override
    void partition(int[] groupOfNode) {
        network.partition(groupOfNode);
    }

    @Override
    boolean heal(int[] groupOfNode) {
        return network.heal(groupOfNode);
    }
}
