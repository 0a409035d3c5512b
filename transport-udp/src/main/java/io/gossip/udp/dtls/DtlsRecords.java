package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Just enough of the DTLS 1.2 record layout (RFC 6347, section 4.1) to route a datagram before
 * the engine sees it, plus this layer's own connect request. Never modifies a buffer's position.
 *
 * <pre>
 * record:     type u8, version u16 (0xFEFD or 0xFEFF), epoch u16, sequence u48, length u16
 * handshake:  msg_type u8, length u24, message_seq u16, fragment_offset u24, fragment_length u24
 * ClientHello body: client_version u16, random [32], ...
 * </pre>
 */
final class DtlsRecords {
    /** Bytes of a DTLS record header. */
    static final int RECORD_HEADER_BYTES = 13;
    private static final int HANDSHAKE_HEADER_BYTES = 12;
    private static final int CONTENT_HANDSHAKE = 22;
    private static final int CONTENT_APPLICATION_DATA = 23;
    private static final int MSG_CLIENT_HELLO = 1;
    private static final int RANDOM_OFFSET = RECORD_HEADER_BYTES + HANDSHAKE_HEADER_BYTES + 2;
    private static final int RANDOM_BYTES = 32;

    /**
     * The connect request a server-role node sends when it has something to send to a peer it has
     * no session with, asking the peer (the client by address order) to start a handshake. Its
     * first byte, 0, is no DTLS content type, so it can never be mistaken for a record. It is
     * padded with zeros to {@value #CONNECT_REQUEST_BYTES} bytes: the peer answers with a
     * ClientHello (about 235 bytes) before it knows the request really came from that address, and
     * may send an unproven address at most {@value DtlsSession#AMPLIFICATION_FACTOR} times what
     * it received from it.
     */
    static final int CONNECT_REQUEST_BYTES = 128;
    private static final byte[] CONNECT_REQUEST_PREFIX = {0x00, 'G', 'D', 'T', 'L', 'S', 'C', 0x02};

    private DtlsRecords() {
    }

    static ByteBuffer connectRequest() {
        byte[] request = new byte[CONNECT_REQUEST_BYTES];
        System.arraycopy(CONNECT_REQUEST_PREFIX, 0, request, 0, CONNECT_REQUEST_PREFIX.length);
        return ByteBuffer.wrap(request);
    }

    static boolean isConnectRequest(ByteBuffer datagram) {
        if (datagram.remaining() != CONNECT_REQUEST_BYTES) {
            return false;
        }
        for (int i = 0; i < CONNECT_REQUEST_PREFIX.length; i++) {
            if (datagram.get(datagram.position() + i) != CONNECT_REQUEST_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the datagram starts with a plausible DTLS record header (content type 20..23, version 0xFExx). */
    static boolean looksLikeRecord(ByteBuffer datagram) {
        if (datagram.remaining() < RECORD_HEADER_BYTES) {
            return false;
        }
        int p = datagram.position();
        int type = datagram.get(p) & 0xFF;
        return type >= 20 && type <= 23 && (datagram.get(p + 1) & 0xFF) == 0xFE;
    }

    /** The epoch of the first record; 0 means unencrypted handshake traffic. */
    static int epoch(ByteBuffer datagram) {
        return datagram.getShort(datagram.position() + 3) & 0xFFFF;
    }

    /** Whether the datagram's (first) record carries application data, by its content type byte. */
    static boolean isApplicationRecord(ByteBuffer datagram) {
        return datagram.hasRemaining() && (datagram.get(datagram.position()) & 0xFF) == CONTENT_APPLICATION_DATA;
    }

    /** Whether the first record is an unencrypted (epoch 0) handshake record. */
    static boolean isEpochZeroHandshake(ByteBuffer datagram) {
        return looksLikeRecord(datagram) && (datagram.get(datagram.position()) & 0xFF) == CONTENT_HANDSHAKE
                && epoch(datagram) == 0;
    }

    /** Whether the first record is the first fragment of a ClientHello in epoch 0. */
    static boolean isClientHello(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.remaining() >= RANDOM_OFFSET + RANDOM_BYTES
                && (datagram.get(p) & 0xFF) == CONTENT_HANDSHAKE
                && epoch(datagram) == 0
                && datagram.get(p + RECORD_HEADER_BYTES) == MSG_CLIENT_HELLO
                && uint24(datagram, p + RECORD_HEADER_BYTES + 6) == 0;
    }

    /** The 32-byte client random of a datagram for which {@link #isClientHello} holds. */
    static byte[] clientRandom(ByteBuffer datagram) {
        byte[] random = new byte[RANDOM_BYTES];
        datagram.get(datagram.position() + RANDOM_OFFSET, random);
        return random;
    }

    static boolean sameRandom(byte[] a, byte[] b) {
        return a != null && b != null && Arrays.equals(a, b);
    }

    /**
     * Orders two addresses (IPv4 before IPv6, then the address bytes unsigned, then the port): the
     * lower one is the DTLS client of the pair. Both sides compute the same answer, so two nodes
     * that start talking at the same moment never both wait for, or both send, a ClientHello.
     */
    static int compare(InetSocketAddress a, InetSocketAddress b) {
        byte[] x = a.getAddress().getAddress();
        byte[] y = b.getAddress().getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        int byBytes = Arrays.compareUnsigned(x, y);
        return byBytes != 0 ? byBytes : Integer.compare(a.getPort(), b.getPort());
    }

    private static int uint24(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 16) | ((b.get(at + 1) & 0xFF) << 8) | (b.get(at + 2) & 0xFF);
    }
}
