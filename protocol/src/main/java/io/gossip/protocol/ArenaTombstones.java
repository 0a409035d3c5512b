package io.gossip.protocol;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The {@link UnlinkTombstones} of a {@link ScampArena}'s nodes: an Unlink that arrived before the
 * Keep it cancels. A node's tombstones are an object of their own, created when it gets its first
 * and dropped when the last expires; a bit per node says whether it has any, so that the many nodes
 * without one look nothing else up, and beside the objects each holder's earliest expiry, so that
 * the questions asked on every wakeup and every handled message (is one due? when?) are answered
 * from an array instead of the object's entries. The two arrays (a reference and a long per node)
 * are created with the first tombstone: a run whose Unlinks never overtake a Keep (no walk, no
 * leases, no leaves) has none. With leases they are common: an Unlink of an expired arc often
 * finds its InView entry gone already, and in a 20,000-node run looking them up in a map was a
 * quarter of the time.
 */
final class ArenaTombstones {
    private UnlinkTombstones[] byNode;
    /** Each holder's earliest expiry (what {@link UnlinkTombstones#nextExpiry} would answer). */
    private long[] earliest;
    private final BitSet holding = new BitSet();

    /** {@link UnlinkTombstones#add} for {@code node}. */
    void add(int node, int sender, int seq, long expiryMicros) {
        if (byNode == null || node >= byNode.length) {
            int capacity = Math.max(node + 1, byNode == null ? 1024 : 2 * byNode.length);
            byNode = byNode == null ? new UnlinkTombstones[capacity] : Arrays.copyOf(byNode, capacity);
            earliest = earliest == null ? new long[capacity] : Arrays.copyOf(earliest, capacity);
        }
        if (!holding.get(node)) {
            byNode[node] = new UnlinkTombstones();
            earliest[node] = Long.MAX_VALUE;
            holding.set(node);
        }
        byNode[node].add(sender, seq, expiryMicros);
        earliest[node] = Math.min(earliest[node], expiryMicros);
    }

    /** {@link UnlinkTombstones#cancels} for {@code node} (expiring its old entries first, as that does). */
    boolean cancels(int node, int sender, int seq, long nowMicros) {
        if (!holding.get(node)) {
            return false;
        }
        UnlinkTombstones t = byNode[node];
        boolean cancels = t.cancels(sender, seq, nowMicros);
        update(node, t);
        return cancels;
    }

    /** Whether {@code node} holds any tombstone. */
    boolean holds(int node) {
        return holding.get(node);
    }

    /** {@link UnlinkTombstones#expire} for {@code node}: nothing to do before its earliest expiry. */
    void expire(int node, long nowMicros) {
        if (holding.get(node) && earliest[node] <= nowMicros) {
            UnlinkTombstones t = byNode[node];
            t.expire(nowMicros);
            update(node, t);
        }
    }

    /** {@link UnlinkTombstones#nextExpiry} for {@code node}. */
    long nextExpiry(int node) {
        return holding.get(node) ? earliest[node] : Long.MAX_VALUE;
    }

    /** Reads the earliest expiry back after the entries changed, and drops the object once empty. */
    private void update(int node, UnlinkTombstones t) {
        long next = t.nextExpiry();
        earliest[node] = next;
        if (next == Long.MAX_VALUE) {
            byNode[node] = null;
            holding.clear(node);
        }
    }
}
