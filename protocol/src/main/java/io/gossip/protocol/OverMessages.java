package io.gossip.protocol;

import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * The messages of a {@link ScampArena} its driver has declared over ({@link ScampArena#messageOver}):
 * every copy has arrived and none can be sent again, so no node will ever be handed one, and a
 * node's duplicate memory holds them for nothing. Nodes drop them from their memories, which then
 * hold only the messages still travelling, where they held every message of the last age bound
 * (ten minutes by default: 600 entries at a broadcast a second).
 *
 * <p>What a node does depends on its memory in one more way: a full memory pushes its oldest entry
 * out, and which is oldest may be one a node dropped. So dropping is exact only while no node's
 * memory, as it would be without dropping, can be full. That memory holds at most the node's own
 * entries plus the over messages it may still remember by age: those whose last copy arrived less
 * than the age bound ago ({@link #mayStillBeRemembered}). {@link ScampArena} checks the sum against
 * the capacity whenever a node remembers a message, and stops the run if it could reach it.
 */
final class OverMessages {
    private final long maxAgeMicros;
    private final BitSet messages = new BitSet();
    /**
     * When the last copy of each over message arrived, soonest first: a node that got a copy at or
     * before then forgets it by age from then plus the age bound on, so the message may be in a
     * memory it was dropped from until then.
     */
    private final PriorityQueue<Long> lastArrivals = new PriorityQueue<>();

    /**
     * @param maxAgeMicros the duplicate memory's age bound, 0 for none (then a message is remembered
     *     until pushed out)
     */
    OverMessages(long maxAgeMicros) {
        this.maxAgeMicros = maxAgeMicros;
    }

    void add(int message, long lastArrivalMicros) {
        if (!messages.get(message)) {
            messages.set(message);
            lastArrivals.add(lastArrivalMicros);
        }
    }

    /** Whether any message is over (nodes may have something to drop). */
    boolean any() {
        return !messages.isEmpty();
    }

    /** The over messages, for {@link NodeRecord#seenDrop}. */
    BitSet messages() {
        return messages;
    }

    /**
     * At most how many over messages a node's memory could still hold at {@code nowMicros} had it
     * not dropped them: those whose last copy arrived less than the age bound ago (the node's first
     * receipt came no later). The others are let go for good: the clock only moves on. The caller
     * asks only when {@link #notYetExpired}, which costs nothing, is too large.
     */
    int mayStillBeRemembered(long nowMicros) {
        if (maxAgeMicros > 0) {
            while (!lastArrivals.isEmpty() && nowMicros - lastArrivals.peek() >= maxAgeMicros) {
                lastArrivals.poll();
            }
        }
        return lastArrivals.size();
    }

    /** Over messages not yet known to be forgotten by age everywhere: a bound on {@link #mayStillBeRemembered}. */
    int notYetExpired() {
        return lastArrivals.size();
    }
}
