package io.gossip.udp.wire;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Hand-built datagrams, one valid and one per way of breaking the format, for the codec tests and
 * for throwing at live nodes. Built byte by byte from WIRE.md, independently of the encoder.
 */
public final class MalformedDatagrams {
    /** The payload limit the examples assume (the protocol default). */
    public static final int MAX_PAYLOAD_BYTES = 1_024;
    /** The datagram limit the examples assume (the transport default). */
    public static final int MAX_DATAGRAM_BYTES = 1_400;

    private MalformedDatagrams() {
    }

    /** A well-formed Heartbeat from 127.0.0.1:{@code senderPort}. */
    public static byte[] heartbeat(int senderPort) {
        return ByteBuffer.allocate(10).put(new byte[] {0x47, 1, 8, 4, 127, 0, 0, 1})
                .putShort((short) senderPort).array();
    }

    /** A well-formed Subscribe (seq 7, no lease, a new subscription) from 127.0.0.1:{@code senderPort}. */
    public static byte[] subscribe(int senderPort) {
        return ByteBuffer.allocate(20).put(new byte[] {0x47, 1, 1, 4, 127, 0, 0, 1})
                .putShort((short) senderPort).putInt(7).putInt(0).putShort((short) 0).array();
    }

    /** A gossip message whose payload has {@code length} bytes, all present. */
    public static byte[] gossip(int senderPort, int length) {
        ByteBuffer b = ByteBuffer.allocate(3 + 7 + 7 + 4 + 4 + 2 + length);
        b.put(new byte[] {0x47, 1, 9, 4, 127, 0, 0, 1}).putShort((short) senderPort);
        b.put(new byte[] {4, 127, 0, 0, 1}).putShort((short) senderPort);
        b.putInt(1).putInt(1).putShort((short) length).put(new byte[length]);
        return b.array();
    }

    /** One datagram per reject reason, each broken in exactly that way. */
    public static Map<RejectReason, byte[]> oneOfEach(int senderPort) {
        Map<RejectReason, byte[]> out = new EnumMap<>(RejectReason.class);
        byte[] valid = subscribe(senderPort);
        out.put(RejectReason.OVERSIZED_DATAGRAM, new byte[MAX_DATAGRAM_BYTES + 1]);
        byte[] truncated = new byte[valid.length - 1];
        System.arraycopy(valid, 0, truncated, 0, truncated.length);
        out.put(RejectReason.TRUNCATED, truncated);
        out.put(RejectReason.BAD_MAGIC, with(valid, 0, 0x48));
        out.put(RejectReason.BAD_VERSION, with(valid, 1, 2));
        out.put(RejectReason.UNKNOWN_TYPE, with(valid, 2, 99));
        out.put(RejectReason.BAD_ADDRESS_LENGTH, with(valid, 3, 5));
        byte[] badPort = with(with(valid, 8, 0), 9, 0);
        out.put(RejectReason.BAD_PORT, badPort);
        byte[] wildcard = valid.clone();
        wildcard[4] = 0;
        wildcard[7] = 0;
        out.put(RejectReason.BAD_ADDRESS, wildcard);
        out.put(RejectReason.BAD_FIELD, with(valid, 14, 0x80)); // negative lease
        out.put(RejectReason.PAYLOAD_TOO_LONG, gossip(senderPort, MAX_PAYLOAD_BYTES + 1));
        byte[] trailing = new byte[valid.length + 1];
        System.arraycopy(valid, 0, trailing, 0, valid.length);
        out.put(RejectReason.TRAILING_BYTES, trailing);
        return out;
    }

    private static byte[] with(byte[] datagram, int index, int value) {
        byte[] copy = datagram.clone();
        copy[index] = (byte) value;
        return copy;
    }
}
