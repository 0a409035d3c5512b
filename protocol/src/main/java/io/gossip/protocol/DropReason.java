package io.gossip.protocol;

/** Why a node ignored or gave up on something. Each reason has its own counter. */
public enum DropReason {
    /**
     * A forwarded subscription exceeded the configured forward limit. (A walk that reaches the
     * limit is not dropped: the node it reached acts as the contact.)
     */
    FORWARD_LIMIT,
    /**
     * A gossip message exceeded the configured hop limit, or carried the largest hop count, and was
     * not forwarded further.
     */
    GOSSIP_HOP_LIMIT,
    /** A membership message was retransmitted the configured number of times without an ack. */
    RETRANSMIT_EXHAUSTED,
    /** A retransmission of a membership message this node already handled (it is acked again). */
    DUPLICATE_MEMBERSHIP,
    /** An ack for a sequence number that is not outstanding (late, duplicated, or bogus). */
    UNKNOWN_ACK,
    /** A message arrived while this node is not a member (not joined yet, or left). */
    NOT_MEMBER,
    /** A message claimed to come from this node itself. */
    FROM_SELF,
    /** A message that makes no sense in this node's state (e.g. Remove from a node it does not hold). */
    NONSENSICAL,
    /** A forwarded subscription that had no member to go to (empty PartialView). */
    NO_MEMBER_TO_FORWARD,
    /**
     * A renewal asked for more copies than the forward limit; the contact sent only that many. No
     * honest node asks for that many (it asks for about its own arc count), so this counts
     * malformed or hostile requests that would otherwise turn one datagram into thousands.
     */
    RENEWAL_COPIES_CLAMPED;

    private static final DropReason[] VALUES = values();

    /**
     * Number of reasons, for sizing counter arrays.
     *
     * @return the number of constants, one more than the largest ordinal
     */
    public static int count() {
        return VALUES.length;
    }

    /**
     * The reason with the given ordinal.
     *
     * @param ordinal a value of {@link #ordinal()}, in [0, {@link #count()})
     * @return the constant with that ordinal
     * @throws ArrayIndexOutOfBoundsException if {@code ordinal} is outside that range
     */
    public static DropReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
