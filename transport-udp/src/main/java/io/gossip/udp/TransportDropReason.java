package io.gossip.udp;

/**
 * Why the transport dropped an outgoing datagram or an event, outside the protocol core. Each
 * reason has its own counter in {@link NodeMetrics}; decode rejections of incoming datagrams are
 * counted separately by {@link io.gossip.udp.wire.RejectReason}.
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
    INTERNAL_ERROR;

    private static final TransportDropReason[] VALUES = values();

    /** Number of reasons, for sizing counter arrays. */
    public static int count() {
        return VALUES.length;
    }

    /** The reason with the given ordinal. */
    public static TransportDropReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
