package io.gossip.bench;

import io.gossip.protocol.ArenaEnvironment;
import io.gossip.protocol.Counters;
import io.gossip.protocol.RandomStreams;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.message.MessageType;

/**
 * The arena counterparts of {@link MemberNodes} and {@link RecordingEnvironment}: a
 * {@link ScampArena} whose members are in the state a node of a settled group is in, built through
 * the arena's public entry points only, and the cheapest {@link ArenaEnvironment} that keeps the
 * arena's output observable (sends and deliveries counted and folded into a checksum, the last Keep's
 * destination remembered; no allocation per call).
 *
 * <p>The configuration is {@link MemberNodes#config()}: unacknowledged membership messages
 * ({@code maxAttempts = 1}), so nothing ever waits for an ack, and the figures compare like for like
 * with the {@code ScampNode} benchmarks.
 */
final class ArenaMembers {
    private static final int KEEP = MessageType.KEEP.ordinal();

    private ArenaMembers() {
    }

    /** Counts and folds the arena's output; see the class documentation. */
    static final class Recorder extends OutputTally implements ArenaEnvironment {
        /** The counters of the arena built with this recorder by {@link #arena}: what tests read. */
        final Counters counters = new Counters();

        @Override
        public void send(int from, int to, int type, int seq, int subject, int hops) {
            sent(to, type == KEEP);
        }

        @Override
        public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
                int leaseMillis, int renewalCopies) {
            sent(to, false);
        }

        @Override
        public void deliver(int node, int message, int hops) {
            delivered(message);
        }

        @Override
        public void wakeAt(int node, long deadlineMicros) {
            // The benchmarks never advance time, so there is nothing to wake for.
        }
    }

    /**
     * An arena for {@code capacity} nodes with {@link MemberNodes#config()}, generators seeded by
     * {@code seed}, counting into {@code env}'s {@link Recorder#counters}.
     */
    static ScampArena arena(int capacity, Recorder env, long seed) {
        RandomStreams seeds = new RandomStreams(1);
        seeds.seed(0, seed);
        return new ScampArena(capacity, MemberNodes.config(), env, seeds, 0, env.counters);
    }

    /**
     * Makes {@code node} a member whose PartialView holds exactly {@code viewSize} nodes, as
     * {@link MemberNodes#withPartialView} does: it joins through {@code contact}, then receives
     * forwarded subscriptions of subscribers {@code firstSubscriber, firstSubscriber + 1, ...} from the contact,
     * keeping some by the protocol's own rule, until the view has the size asked for. Every id it
     * holds is below {@link MemberNodes#FIRST_STRANGER_ID}.
     */
    static void grow(ScampArena arena, Recorder env, int node, int contact, int firstSubscriber, int viewSize) {
        if (viewSize < 1 || viewSize > MemberNodes.FIRST_STRANGER_ID - firstSubscriber) {
            throw new IllegalArgumentException("viewSize must be in [1, "
                    + (MemberNodes.FIRST_STRANGER_ID - firstSubscriber) + "], got " + viewSize);
        }
        arena.join(0, node, contact);
        int forwarded = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
        int subscriber = firstSubscriber;
        while (arena.partialViewSize(node) < viewSize) {
            if (subscriber >= MemberNodes.FIRST_STRANGER_ID) {
                throw new IllegalStateException("could not grow the PartialView to " + viewSize);
            }
            arena.onMessage(0, node, contact, forwarded, 0, subscriber++, 0);
        }
        env.takeLastKept();
        if (arena.partialViewSize(node) != viewSize || arena.partialView(node)[0] != contact
                || arena.unacknowledgedCount(node) != 0) {
            throw new IllegalStateException("unexpected state of node " + node + ": PartialView "
                    + java.util.Arrays.toString(arena.partialView(node)) + ", "
                    + arena.unacknowledgedCount(node) + " unacknowledged");
        }
    }
}
