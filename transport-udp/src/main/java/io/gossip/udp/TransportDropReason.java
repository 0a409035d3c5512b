package io.gossip.udp;

/**
 * Why the transport dropped an outgoing datagram, an incoming one that could not be opened, or an
 * event, outside the protocol core. Each reason has its own counter in {@link NodeMetrics}; decode
 * rejections of incoming (opened) datagrams are counted separately by
 * {@link io.gossip.udp.wire.RejectReason}. The reasons from {@link #NOT_SEALED} on concern sealed
 * datagrams ({@link io.gossip.udp.security.AeadProtection}): an incoming datagram dropped for one of
 * them never reached the decoder.
 */
public enum TransportDropReason {
    /** The node's bounded outbound queue was full (the socket could not keep up). */
    OUTBOUND_QUEUE_FULL,
    /** The testing impairment stage dropped the datagram on purpose. */
    IMPAIRMENT_LOSS,
    /** The operating system refused to send the datagram. */
    SEND_FAILED,
    /** The message could not be encoded (for example a payload over the datagram limit). */
    ENCODE_FAILED,
    /** The application's delivery listener threw. */
    LISTENER_FAILED,
    /** The protocol core threw while handling an event (a bug); the event was abandoned. */
    INTERNAL_ERROR,
    /** Incoming: a node with a keyring received a datagram that is not sealed (plaintext). */
    NOT_SEALED,
    /**
     * Incoming: too short for a sealed header and tag, longer than the datagram limit, or an
     * unknown sealed version.
     */
    SEAL_MALFORMED,
    /** Incoming: sealed with a key id that is not in this node's keyring. */
    UNKNOWN_KEY,
    /**
     * Incoming: the authentication tag did not verify: forged or tampered with, sealed with other
     * key material, or bound to another cluster label.
     */
    AUTHENTICATION_FAILED,
    /** Incoming: authentic, but the sender's timestamp is outside this node's clock-skew window. */
    STALE,
    /** Incoming: authentic, but already received (or too old for the replay memory): a replay. */
    REPLAYED,
    /** Outgoing: the cipher refused to seal (should not happen; the datagram was not sent). */
    SEAL_FAILED;

    private static final TransportDropReason[] VALUES = values();

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
    public static TransportDropReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
