package io.gossip.protocol;

/**
 * Node ids as the core sees them: compact, non-negative {@code int}s.
 *
 * <p>The core never interprets an id: it compares, hashes and stores them. Keeping them primitive
 * is what lets a million simulated nodes share one process: a view entry costs four bytes, not an
 * object. The simulator numbers its nodes {@code 0..n-1}; a transport maps its real addresses to
 * ids with an {@link IdTable} and back when it puts a message on the wire.
 */
public final class NodeIds {
    /** Marks "no node" where an id is optional (for example, no bootstrap contact). */
    public static final int NONE = -1;

    private NodeIds() {
    }

    /**
     * Whether {@code id} is a valid node id.
     *
     * @param id any int
     * @return true if {@code id >= 0}
     */
    public static boolean isValid(int id) {
        return id >= 0;
    }

    /**
     * Returns {@code id} if it is valid.
     *
     * @param id the id to check
     * @return {@code id} unchanged
     * @throws IllegalArgumentException if it is negative
     */
    public static int check(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("node id must be >= 0: " + id);
        }
        return id;
    }
}
