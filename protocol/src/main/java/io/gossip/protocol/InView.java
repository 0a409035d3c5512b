package io.gossip.protocol;

/**
 * The ids of the nodes that hold this node in their {@link PartialView}: its in-neighbours.
 * Learnt from {@code Subscribe} and {@code Keep} messages and forgotten on {@code Unlink}; used when
 * the node leaves (to hand its in-neighbours replacements) and by the indirection walk (as
 * undirected edges). With leases an entry also expires a little after the arc it mirrors would, so
 * that a crashed in-neighbour, which never sends its {@code Unlink}, does not stay for ever.
 */
final class InView extends IdList {
    InView(boolean leases) {
        super(leases);
    }
}
