package io.gossip.udp.security;

/**
 * Layout of a sealed datagram, version 1 (documented in {@code transport-udp/WIRE.md}, section
 * "Sealed datagrams"). Big-endian. The whole header is authenticated as associated data, together
 * with the cluster label; the plaintext datagram of the wire format is the encrypted part.
 *
 * <pre>
 * offset size field
 * 0      1    version      0x01 (never 0x47, the plaintext format's magic)
 * 1      4    keyId        id of the key that sealed it
 * 5      12   nonce        random, from a SecureRandom
 * 17     8    streamId     random per (sender, destination address)
 * 25     8    seq          per stream, from 1
 * 33     8    sentMillis   sender's wall clock, milliseconds since the Unix epoch
 * 41     n    ciphertext   the wire-format datagram, AES-256-GCM encrypted
 * 41+n   16   tag          GCM authentication tag
 * </pre>
 */
public final class SealedFormat {
    /** First byte of a sealed datagram. */
    public static final byte VERSION = 0x01;
    /** Offset of the key id. */
    public static final int KEY_ID_OFFSET = 1;
    /** Offset of the nonce. */
    public static final int NONCE_OFFSET = 5;
    /** GCM nonce length: 96 bits, the size GCM is designed for. */
    public static final int NONCE_BYTES = 12;
    /** Offset of the stream id. */
    public static final int STREAM_OFFSET = 17;
    /** Offset of the stream sequence number. */
    public static final int SEQ_OFFSET = 25;
    /** Offset of the sender's timestamp. */
    public static final int SENT_MILLIS_OFFSET = 33;
    /** Header length, all of it associated data. */
    public static final int HEADER_BYTES = 41;
    /** GCM tag length: 128 bits. */
    public static final int TAG_BYTES = 16;
    /** Bytes a sealed datagram adds to its plaintext. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;
    /** Longest cluster label, in UTF-8 bytes. */
    public static final int MAX_LABEL_BYTES = 255;

    private SealedFormat() {
    }
}
