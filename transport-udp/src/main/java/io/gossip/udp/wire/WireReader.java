package io.gossip.udp.wire;

import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;

/**
 * Reads fields from a datagram, checking every length against the bytes that remain before using
 * it, so nothing is allocated on the strength of an unvalidated length.
 */
final class WireReader {
    private final ByteBuffer buffer;

    WireReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    private void need(int bytes, String field) throws DecodeException {
        if (buffer.remaining() < bytes) {
            throw new DecodeException(RejectReason.TRUNCATED,
                    field + " needs " + bytes + " bytes, " + buffer.remaining() + " left");
        }
    }

    int u8(String field) throws DecodeException {
        need(1, field);
        return buffer.get() & 0xFF;
    }

    int u16(String field) throws DecodeException {
        need(2, field);
        return buffer.getShort() & 0xFFFF;
    }

    int i32(String field) throws DecodeException {
        need(4, field);
        return buffer.getInt();
    }

    double f64(String field) throws DecodeException {
        need(8, field);
        return buffer.getDouble();
    }

    /** A signed 32-bit field that must be non-negative (hops, lease). */
    int nonNegative(String field) throws DecodeException {
        int value = i32(field);
        if (value < 0) {
            throw new DecodeException(RejectReason.BAD_FIELD, field + " must be >= 0, got " + value);
        }
        return value;
    }

    /** An address: length byte (4 or 16), address bytes, port; never wildcard or multicast. */
    PeerAddress address(String field) throws DecodeException {
        int length = u8(field + " length");
        if (length != 4 && length != 16) {
            throw new DecodeException(RejectReason.BAD_ADDRESS_LENGTH,
                    field + " length must be 4 or 16, got " + length);
        }
        need(length + 2, field);
        byte[] raw = new byte[length];
        buffer.get(raw);
        int port = buffer.getShort() & 0xFFFF;
        if (port == 0) {
            throw new DecodeException(RejectReason.BAD_PORT, field + " has port 0");
        }
        PeerAddress address;
        try {
            address = PeerAddress.ofBytes(raw, port);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(RejectReason.BAD_ADDRESS, field + ": " + e.getMessage());
        }
        if (address.isWildcard()) {
            throw new DecodeException(RejectReason.BAD_ADDRESS, field + " is the wildcard address");
        }
        return address;
    }

    /** A payload of {@code length} bytes, already checked against {@link #remaining()}. */
    byte[] bytes(int length, String field) throws DecodeException {
        need(length, field);
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
    }

    int remaining() {
        return buffer.remaining();
    }

    void end() throws DecodeException {
        if (buffer.hasRemaining()) {
            throw new DecodeException(RejectReason.TRAILING_BYTES, buffer.remaining() + " bytes after the message");
        }
    }
}
