package io.gossip.protocol;

/**
 * The {@link ArenaChannel}'s two arrays per node (the acks it awaits, the pairs it handled), kept
 * only for the nodes that hold either: a hash table from node id to the pair, open addressing with
 * linear probing, removal by shifting back (no tombstones, so a lookup ends at the first free slot).
 *
 * <p>Why not two arrays of references indexed by node: at any moment only the nodes that sent or
 * handled a membership message within the retransmission horizon hold anything, a few thousand
 * among a million in a run of joins one per second, but two references per node cost 8 bytes for
 * every node, for the whole run. This table costs about 12 bytes per slot for the nodes that hold
 * something (at most half its slots are used, at least an eighth unless it is at its smallest), and
 * the table of a quiet run stays small enough to stay in cache, where the arrays of references
 * were read at a random place per message.
 */
final class ChannelArrays {
    private static final int MIN_SLOTS = 64;

    /** Node id + 1 per slot; 0 = free. */
    private int[] keys;
    private long[][] awaiting;
    private long[][] handled;
    private int size;
    private int mask;
    /** 32 - log2(slots): a Fibonacci hash's top bits pick the home slot (ids are dense and sequential). */
    private int shift;

    ChannelArrays() {
        allocate(MIN_SLOTS);
    }

    /** The acks {@code node} awaits, or null. */
    long[] awaiting(int node) {
        int slot = slotOf(node);
        return slot < 0 ? null : awaiting[slot];
    }

    /** The (sender, seq) pairs {@code node} handled, or null. */
    long[] handled(int node) {
        int slot = slotOf(node);
        return slot < 0 ? null : handled[slot];
    }

    /** Sets (or, with null, clears) {@code node}'s awaited acks; a node holding neither array leaves the table. */
    void setAwaiting(int node, long[] a) {
        if (a == null) {
            int slot = slotOf(node);
            if (slot >= 0) {
                awaiting[slot] = null;
                removeIfEmpty(slot);
            }
        } else {
            int slot = slotFor(node); // first: it may replace the arrays
            awaiting[slot] = a;
        }
    }

    /** Sets (or, with null, clears) {@code node}'s handled pairs; a node holding neither array leaves the table. */
    void setHandled(int node, long[] h) {
        if (h == null) {
            int slot = slotOf(node);
            if (slot >= 0) {
                handled[slot] = null;
                removeIfEmpty(slot);
            }
        } else {
            int slot = slotFor(node); // first: it may replace the arrays
            handled[slot] = h;
        }
    }

    /** Nodes holding either array. */
    int size() {
        return size;
    }

    /** Slots in the table (for tests of its growth and shrinking). */
    int slots() {
        return keys.length;
    }

    private int home(int node) {
        return (node * 0x9E37_79B9) >>> shift;
    }

    private int slotOf(int node) {
        int key = node + 1;
        for (int i = home(node);; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** The slot of {@code node}, taken if it has none. */
    private int slotFor(int node) {
        int slot = slotOf(node);
        if (slot >= 0) {
            return slot;
        }
        if (2 * (size + 1) > keys.length) {
            resize(2 * keys.length);
        }
        int i = home(node);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = node + 1;
        size++;
        return i;
    }

    private void removeIfEmpty(int slot) {
        if (awaiting[slot] != null || handled[slot] != null) {
            return;
        }
        // Backward shift: every later entry of the run whose home is not after the hole moves into it.
        int hole = slot;
        for (int i = (hole + 1) & mask; keys[i] != 0; i = (i + 1) & mask) {
            int home = home(keys[i] - 1);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                awaiting[hole] = awaiting[i];
                handled[hole] = handled[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        awaiting[hole] = null;
        handled[hole] = null;
        size--;
        // A burst of joins may have grown the table: give the room back once it is mostly empty.
        if (keys.length > MIN_SLOTS && 8 * size < keys.length) {
            resize(keys.length / 2);
        }
    }

    private void resize(int slots) {
        int[] oldKeys = keys;
        long[][] oldAwaiting = awaiting;
        long[][] oldHandled = handled;
        allocate(slots);
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != 0) {
                int i = home(oldKeys[s] - 1);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                awaiting[i] = oldAwaiting[s];
                handled[i] = oldHandled[s];
            }
        }
    }

    private void allocate(int slots) {
        keys = new int[slots];
        awaiting = new long[slots][];
        handled = new long[slots][];
        mask = slots - 1;
        shift = 32 - Integer.numberOfTrailingZeros(slots);
    }
}
