package io.gossip.protocol;

/**
 * Receives the node ids a {@link ScampNode} holds, each with the place that holds it
 * ({@link ScampNode#forEachHeldId}): the public {@link ScampNode#forEachReferencedId} drops the
 * place, the tests compare each place with what the node's fields hold, so that a place left out
 * of the enumeration fails them even when its ids are held elsewhere too.
 */
@FunctionalInterface
interface HeldIds {
    /** Where a node holds ids. */
    enum Holder {
        /** The node's own id (in the node and its channel). */
        SELF,
        PARTIAL_VIEW,
        IN_VIEW,
        /** Origins of the gossip messages the duplicate memory remembers. */
        SEEN_ORIGINS,
        /** Destinations of the membership messages awaiting an acknowledgement. */
        UNACKNOWLEDGED_DESTINATIONS,
        /** Ids named inside those messages: a subscriber, a replacement. */
        NAMED_IN_UNACKNOWLEDGED,
        /** Senders of the (sender, seq) pairs remembered as handled. */
        HANDLED_SENDERS,
        /** Senders of the Unlinks remembered as having overtaken their Keep. */
        UNLINK_TOMBSTONES,
        BOOTSTRAP_CONTACT,
        AWAITING_ADOPTION_FROM,
        JOIN_SUBSCRIBE_TO,
        /** After leaving: the PartialView the node had, which it hands out as replacements. */
        FORMER_PARTIAL_VIEW,
        /** After leaving: the senders of gossip or heartbeats it already told of its departure. */
        TOLD_OF_DEPARTURE
    }

    /** {@code id} is held in {@code holder}. */
    void held(Holder holder, int id);
}
