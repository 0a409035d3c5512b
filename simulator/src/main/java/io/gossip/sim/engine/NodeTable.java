package io.gossip.sim.engine;

import java.util.BitSet;

/**
 * The engine's own per-node state, in primitive arrays indexed by node id: life-cycle state,
 * message counts, the order in which nodes joined, and a dense list of the live members for
 * uniform draws in constant time.
 *
 * <p>Slots join in id order ({@link #nextUnused()}), so the unused slots are always the highest ids
 * and a slot's join tick is its id plus one (derived, not stored). Until the first member goes, the
 * live members are exactly the slots joined so far, in id order: the dense list and its index, two
 * {@code int}s per node, are built only then, so a run in which nobody leaves or crashes (the scale
 * benchmark's, for one) keeps neither.
 */
public final class NodeTable {
    /** Never joined. */
    public static final byte UNUSED = 0;
    /** Joined and neither left nor crashed: counts for coverage and membership statistics. */
    public static final byte LIVE = 1;
    /** Unsubscribed gracefully; still driven (retransmissions) but no longer live. */
    public static final byte LEFT = 2;
    /** Crashed: receives, sends and wakes for nothing. */
    public static final byte CRASHED = 3;

    private final byte[] state;
    private final long[] sent;
    private final long[] received;
    /** The live members, densely, and where each is in it; both null until a member first goes. */
    private int[] live;
    private int[] liveIndex;
    private int liveCount;
    private int used;
    private int lowestLiveCursor;

    public NodeTable(int nodes) {
        this(nodes, true);
    }

    /**
     * @param countsMessages whether this table counts each node's messages; false when the nodes
     *     count their own (the arena does, in the record it touches anyway)
     */
    public NodeTable(int nodes, boolean countsMessages) {
        state = new byte[nodes];
        sent = countsMessages ? new long[nodes] : null;
        received = countsMessages ? new long[nodes] : null;
    }

    public int size() {
        return state.length;
    }

    public byte state(int node) {
        return state[node];
    }

    public boolean isLive(int node) {
        return state[node] == LIVE;
    }

    /** Number of live members. */
    public int liveCount() {
        return liveCount;
    }

    /** The {@code i}-th live member (order changes as members go; deterministic). */
    public int liveAt(int i) {
        return live == null ? i : live[i];
    }

    /** Slots that have never joined. */
    public int unusedCount() {
        return state.length - used;
    }

    /** The next slot to join, in id order; the caller has checked {@link #unusedCount()}. */
    public int nextUnused() {
        return used;
    }

    /** Joins count so far: a broadcast sent now covers exactly the nodes whose tick is at most this. */
    public int joins() {
        return used;
    }

    /** The join tick of {@code node}: 1 for the first node that joined, 0 if never. */
    public int joinTick(int node) {
        return node < used ? node + 1 : 0;
    }

    /** The nodes that joined and have left or crashed since. */
    public BitSet gone() {
        BitSet gone = new BitSet();
        for (int node = 0; node < used; node++) {
            if (state[node] != LIVE) {
                gone.set(node);
            }
        }
        return gone;
    }

    /** Marks the next unused slot live and returns it. */
    public int join() {
        int node = used++;
        state[node] = LIVE;
        if (live != null) {
            liveIndex[node] = liveCount;
            live[liveCount] = node;
        }
        liveCount++;
        return node;
    }

    /** Marks a live node as left or crashed. */
    public void end(int node, byte newState) {
        if (state[node] != LIVE) {
            throw new IllegalStateException("node " + node + " is not live");
        }
        state[node] = newState;
        if (live == null) {
            listLiveMembers();
        }
        int at = liveIndex[node];
        int last = live[--liveCount];
        live[at] = last;
        liveIndex[last] = at;
    }

    /** Builds the dense list as it stands while nobody has gone: slots 0 to used - 1, in order. */
    private void listLiveMembers() {
        live = new int[state.length];
        liveIndex = new int[state.length];
        for (int node = 0; node < used; node++) {
            live[node] = node;
            liveIndex[node] = node;
        }
    }

    /** Node 0 if it is live, else the live member with the smallest id, or -1 if none. */
    public int lowestLive() {
        while (lowestLiveCursor < used && state[lowestLiveCursor] != LIVE) {
            lowestLiveCursor++;
        }
        return lowestLiveCursor < used ? lowestLiveCursor : -1;
    }

    public void countSent(int node) {
        sent[node]++;
    }

    public void countReceived(int node) {
        received[node]++;
    }

    public long sent(int node) {
        return sent[node];
    }

    public long received(int node) {
        return received[node];
    }
}
