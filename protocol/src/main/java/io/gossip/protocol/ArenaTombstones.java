package io.gossip.protocol;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link UnlinkTombstones} of a {@link ScampArena}'s nodes: an Unlink that arrived before the
 * Keep it cancels. They are rare (an Unlink follows only an adoption at the end of an indirection
 * walk, and must overtake its Keep), so a node's tombstones are an object of their own, created
 * when it gets its first and dropped when the last expires, found through a map; a bit per node
 * says whether it has any, so that the many nodes without one never look the map up. Nothing here
 * is iterated: the map's order cannot reach a result.
 */
final class ArenaTombstones {
    private final Map<Integer, UnlinkTombstones> byNode = new HashMap<>();
    private final BitSet holding = new BitSet();

    /** {@link UnlinkTombstones#add} for {@code node}. */
    void add(int node, int sender, int seq, long expiryMicros) {
        byNode.computeIfAbsent(node, n -> new UnlinkTombstones()).add(sender, seq, expiryMicros);
        holding.set(node);
    }

    /** {@link UnlinkTombstones#cancels} for {@code node} (expiring its old entries first, as that does). */
    boolean cancels(int node, int sender, int seq, long nowMicros) {
        if (!holding.get(node)) {
            return false;
        }
        UnlinkTombstones t = byNode.get(node);
        boolean cancels = t.cancels(sender, seq, nowMicros);
        dropIfEmpty(node, t);
        return cancels;
    }

    /** Whether {@code node} holds any tombstone. */
    boolean holds(int node) {
        return holding.get(node);
    }

    /** {@link UnlinkTombstones#expire} for {@code node}. */
    void expire(int node, long nowMicros) {
        if (holding.get(node)) {
            UnlinkTombstones t = byNode.get(node);
            t.expire(nowMicros);
            dropIfEmpty(node, t);
        }
    }

    /** {@link UnlinkTombstones#nextExpiry} for {@code node}. */
    long nextExpiry(int node) {
        return holding.get(node) ? byNode.get(node).nextExpiry() : Long.MAX_VALUE;
    }

    private void dropIfEmpty(int node, UnlinkTombstones t) {
        if (t.nextExpiry() == Long.MAX_VALUE) {
            byNode.remove(node);
            holding.clear(node);
        }
    }
}
