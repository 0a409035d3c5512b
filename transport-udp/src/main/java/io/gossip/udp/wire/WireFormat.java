package io.gossip.udp.wire;

import io.gossip.protocol.message.MessageType;

/**
 * Constants of the binary wire format, version 1 (documented field by field in
 * {@code transport-udp/WIRE.md}). All integers are big-endian.
 */
public final class WireFormat {
    /** First byte of every datagram: ASCII 'G'. */
    public static final byte MAGIC = 0x47;
    /** Second byte: the format version this code speaks. */
    public static final byte VERSION = 1;
    /** Default largest datagram: fits a 1,500-byte path MTU with room for IP and UDP headers. */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 1_400;
    /** Smallest configurable datagram limit: every non-gossip message fits in it. */
    public static final int MIN_MAX_DATAGRAM_BYTES = 128;
    /** Largest configurable datagram limit: the largest UDP payload over IPv4. */
    public static final int MAX_MAX_DATAGRAM_BYTES = 65_507;
    /** Largest encoded address: length byte, 16 address bytes, 2 port bytes. */
    public static final int MAX_ADDRESS_BYTES = 1 + 16 + 2;
    /** Magic, version and type code. */
    public static final int PREFIX_BYTES = 3;
    /**
     * Largest size of a gossip message without its payload: prefix, sender address, origin address,
     * origin sequence number, hops, payload length.
     */
    public static final int MAX_GOSSIP_OVERHEAD_BYTES = PREFIX_BYTES + 2 * MAX_ADDRESS_BYTES + 4 + 4 + 2;
    /** Largest payload length a gossip message can announce (unsigned 16-bit field). */
    public static final int MAX_PAYLOAD_FIELD = 0xFFFF;

    private WireFormat() {
    }

    /**
     * The wire code of a message type: stable, independent of enum order.
     *
     * @param type the message type, not null
     * @return its type code, in [1, 11]
     * @throws NullPointerException if {@code type} is null
     */
    public static int code(MessageType type) {
        return switch (type) {
            case SUBSCRIBE -> 1;
            case FORWARDED_SUBSCRIPTION -> 2;
            case KEEP -> 3;
            case REPLACE -> 4;
            case REMOVE -> 5;
            case UNLINK -> 6;
            case WALK -> 7;
            case HEARTBEAT -> 8;
            case GOSSIP -> 9;
            case ACK -> 10;
            case ADOPT -> 11;
        };
    }

    /**
     * The message type of a wire code, or null if the code is unknown.
     *
     * @param code a type code as read from a datagram, any int
     * @return the type, or null for anything outside [1, 11]
     */
    public static MessageType typeOf(int code) {
        return switch (code) {
            case 1 -> MessageType.SUBSCRIBE;
            case 2 -> MessageType.FORWARDED_SUBSCRIPTION;
            case 3 -> MessageType.KEEP;
            case 4 -> MessageType.REPLACE;
            case 5 -> MessageType.REMOVE;
            case 6 -> MessageType.UNLINK;
            case 7 -> MessageType.WALK;
            case 8 -> MessageType.HEARTBEAT;
            case 9 -> MessageType.GOSSIP;
            case 10 -> MessageType.ACK;
            case 11 -> MessageType.ADOPT;
            default -> null;
        };
    }

    /**
     * The largest gossip payload that fits a datagram of {@code maxDatagramBytes}.
     *
     * @param maxDatagramBytes the datagram limit in bytes, after any protection's overhead
     * @return the limit less {@link #MAX_GOSSIP_OVERHEAD_BYTES}, at most {@link #MAX_PAYLOAD_FIELD};
     *     negative if the datagram is smaller than the overhead
     */
    public static int maxPayloadFor(int maxDatagramBytes) {
        return Math.min(MAX_PAYLOAD_FIELD, maxDatagramBytes - MAX_GOSSIP_OVERHEAD_BYTES);
    }
}
