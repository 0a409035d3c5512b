package io.gossip.protocol;

import java.util.Arrays;

/**
 * The records ({@link NodeRecord}) of all of a {@link ScampArena}'s nodes, by node id, shared by the
 * arena's parts. A record may be replaced by a larger copy when it grows: whoever changes one
 * stores what the change returned, and everyone reads it back from here.
 */
final class NodeRecords {
    private int[][] all;

    NodeRecords(int capacity) {
        all = new int[capacity][];
    }

    /** The record of {@code node}, which must have one. */
    int[] get(int node) {
        return all[node];
    }

    /** The record of {@code node}; null if it has none or the id is out of range. */
    int[] orNull(int node) {
        return node >= 0 && node < all.length ? all[node] : null;
    }

    /** Stores {@code node}'s (possibly reallocated) record and returns it. */
    int[] store(int node, int[] r) {
        all[node] = r;
        return r;
    }

    int capacity() {
        return all.length;
    }

    /** Makes room for node {@code node}; returns the new capacity. */
    int ensureRoomFor(int node) {
        if (node >= all.length) {
            all = Arrays.copyOf(all, Math.max(node + 1, all.length * 2));
        }
        return all.length;
    }
}
