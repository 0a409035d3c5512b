package io.gossip.protocol;

/**
 * The ids this node gossips to: its out-neighbours. No duplicates, never the node itself.
 *
 * <p>With leases, each entry carries the time (in the core's microseconds) at which the subscription
 * that created it expires; without leases entries cost four bytes each and never expire.
 */
final class PartialView extends IdList {
    PartialView(boolean leases) {
        super(leases);
    }
}
