package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.List;

/**
 * {@link NodeFixtures} for a {@link ScampArena}: builds nodes in a known state by feeding them
 * ordinary protocol messages (unacknowledged ones, sequence number 0), no back door.
 */
final class ArenaFixtures {
    static final int OUTSIDER = NodeFixtures.OUTSIDER;
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final int ACK = MessageType.ACK.ordinal();

    private ArenaFixtures() {
    }

    /** An arena of a few nodes (it grows on demand), its generators split from {@code seed}. */
    static ScampArena arena(ProtocolConfig config, ArenaEnvironment env, Counters counters, long seed) {
        RandomStreams seeds = new RandomStreams(1);
        seeds.seed(0, seed);
        return new ScampArena(4, config, env, seeds, 0, counters);
    }

    /**
     * Offers forwarded subscriptions of each id until {@code node} keeps it, so its PartialView ends
     * up holding {@code ids} after what it held, in order (with leases, for ever: the copies carry none).
     */
    static void holdInPartialView(ScampArena arena, int node, long nowMicros, int... ids) {
        for (int id : ids) {
            for (int attempt = 0; !contains(arena.partialView(node), id); attempt++) {
                if (attempt > 10_000) {
                    throw new AssertionError("node never kept " + id);
                }
                arena.onSubscription(nowMicros, node, OUTSIDER, FORWARDED_SUBSCRIPTION, 0, id, 0, 0, 0, 0);
            }
        }
    }

    /** Sends a Keep from each id, so that {@code node}'s InView holds them after what it held, in order. */
    static void holdInInView(ScampArena arena, int node, long nowMicros, int... ids) {
        for (int id : ids) {
            arena.onMessage(nowMicros, node, id, KEEP, 0, 0, 0);
        }
    }

    /** Acknowledges every membership message recorded in {@code env}, so that nothing is retransmitted. */
    static void acknowledgeEverything(ScampArena arena, RecordingArenaEnvironment env, long nowMicros) {
        for (RecordingArenaEnvironment.Sent s : List.copyOf(env.sent)) {
            if (s.seq() != 0 && s.type() != MessageType.ACK && arena.isMember(s.from())) {
                arena.onMessage(nowMicros, s.from(), s.to(), ACK, s.seq(), 0, 0);
            }
        }
    }

    static boolean contains(int[] view, int id) {
        for (int v : view) {
            if (v == id) {
                return true;
            }
        }
        return false;
    }
}
