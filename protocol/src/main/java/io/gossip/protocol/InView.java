package io.gossip.protocol;

/**
 * The ids of the nodes that hold this node in their {@link PartialView}: its in-neighbours.
 * Learnt from {@code Keep} messages and forgotten on {@code Unlink}; used when the node leaves
 * (to hand its in-neighbours replacements) and by the indirection walk (as undirected edges).
 */
final class InView extends IdList {
    /** Adds {@code id} unless already present; returns whether it was added. */
    boolean add(int id) {
        if (contains(id)) {
            return false;
        }
        append(id);
        return true;
    }
}
