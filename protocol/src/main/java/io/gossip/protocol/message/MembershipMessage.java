package io.gossip.protocol.message;

/**
 * A membership message, delivered reliably hop by hop: it carries a per-sender sequence number, the
 * receiver acknowledges it with an {@link Ack} and ignores a retransmission it already handled.
 * A sequence number of {@link #UNACKNOWLEDGED} asks for no acknowledgement (the paper's
 * fire-and-forget model, used when the configured attempt count is 1).
 */
public sealed interface MembershipMessage extends Message
        permits Subscribe, ForwardedSubscription, Keep, Replace, Remove, Unlink, Walk, Adopt {

    /** Sequence number meaning "do not acknowledge". */
    int UNACKNOWLEDGED = 0;

    /**
     * Per-sender sequence number, or {@link #UNACKNOWLEDGED}.
     *
     * @return the sequence number the receiver acknowledges; any int, 0 meaning no ack wanted
     */
    int seq();

    /**
     * Whether the receiver must acknowledge this message.
     *
     * @return true unless {@link #seq()} is {@link #UNACKNOWLEDGED}
     */
    default boolean wantsAck() {
        return seq() != UNACKNOWLEDGED;
    }
}
