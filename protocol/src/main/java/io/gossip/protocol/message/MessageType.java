package io.gossip.protocol.message;

/**
 * Every kind of message the protocol exchanges. The ordinal is stable and is used to index
 * counters; the wire codec assigns its own type codes.
 */
public enum MessageType {
    /** A node asks a contact to introduce it to the group. Membership, acknowledged. */
    SUBSCRIBE(true),
    /** A contact (or a node passing a copy on) hands a subscriber's id to a member. Membership. */
    FORWARDED_SUBSCRIPTION(true),
    /** The sender now holds the receiver in its PartialView: add the sender to the InView. Membership. */
    KEEP(true),
    /** A leaving node asks the receiver to swap it for a replacement. Membership. */
    REPLACE(true),
    /** A leaving node asks the receiver to drop it. Membership. */
    REMOVE(true),
    /** The sender no longer holds the receiver in its PartialView: drop the sender from the InView. Membership. */
    UNLINK(true),
    /** One step of the indirection random walk that picks an effective contact. Membership. */
    WALK(true),
    /** The end of an indirection walk asks the subscriber to hold it instead of the entry point. Membership. */
    ADOPT(true),
    /** Liveness signal along every PartialView arc. Not acknowledged. */
    HEARTBEAT(false),
    /** An application message being disseminated. Not acknowledged. */
    GOSSIP(false),
    /** Acknowledges one membership message. */
    ACK(false);

    private static final MessageType[] VALUES = values();

    private final boolean membership;

    MessageType(boolean membership) {
        this.membership = membership;
    }

    /**
     * Whether messages of this kind are delivered reliably hop by hop (sequence number + ack).
     *
     * @return true for the eight membership kinds, false for {@code HEARTBEAT}, {@code GOSSIP} and {@code ACK}
     */
    public boolean isMembership() {
        return membership;
    }

    /**
     * Number of message kinds, for sizing counter arrays.
     *
     * @return the number of constants, one more than the largest ordinal
     */
    public static int count() {
        return VALUES.length;
    }

    /**
     * The kind with the given ordinal.
     *
     * @param ordinal a value of {@link #ordinal()}, in [0, {@link #count()})
     * @return the constant with that ordinal
     * @throws ArrayIndexOutOfBoundsException if {@code ordinal} is outside that range
     */
    public static MessageType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
