package io.gossip.udp.wire;

/**
 * Why a received datagram was rejected before reaching the protocol core. Each reason has its own
 * counter in a node's metrics, so a misbehaving or incompatible peer shows up as numbers, not as a
 * crash.
 */
public enum RejectReason {
    /** The datagram is longer than the configured maximum datagram size. */
    OVERSIZED_DATAGRAM,
    /** The datagram ends before a field (or a length it announced) is complete. */
    TRUNCATED,
    /** The first byte is not the format's magic byte: not one of our datagrams. */
    BAD_MAGIC,
    /** The version byte names a format version this node does not speak. */
    BAD_VERSION,
    /** The message type code is not one of the known codes. */
    UNKNOWN_TYPE,
    /** An address length byte is neither 4 (IPv4) nor 16 (IPv6). */
    BAD_ADDRESS_LENGTH,
    /** A port is 0 (ports are 1–65535). */
    BAD_PORT,
    /** An address no peer can have: the wildcard address or a multicast address. */
    BAD_ADDRESS,
    /** A field value the message type forbids: negative hops or lease, non-finite walk budget,
     *  acknowledgement of sequence number 0. */
    BAD_FIELD,
    /** A gossip payload longer than this node's maximum payload size. */
    PAYLOAD_TOO_LONG,
    /** Bytes remain after the last field of the message. */
    TRAILING_BYTES;

    private static final RejectReason[] VALUES = values();

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
    public static RejectReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
